import Foundation
import ModelRegistry
import Testing

@Suite("Model card")
struct ModelCardTests {
    @Test("A card survives a JSON round trip unchanged")
    func roundTrip() throws {
        let card = try SampleCard.make()
        let data = try card.encoded()
        #expect(try ModelCard.decode(from: data) == card)
        #expect(try card.encoded() == data)
    }

    @Test("The JSON has sorted keys, the card version and the fitted parameters as plain JSON")
    func format() throws {
        let text = String(decoding: try SampleCard.make().encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"algorithm":"gbt","cardVersion":1,"championComparison":"#))
        #expect(text.contains(#""featureParameters":{"clipped":true,"imputation":{"area":95.5},"levels":["house",null]}"#))
        #expect(text.contains(#""createdAt":"2024-05-01T12:00:00.000Z""#))
    }

    @Test("A card newer than this build is refused")
    func newerVersion() throws {
        var card = try SampleCard.make()
        card.cardVersion = ModelCard.currentCardVersion + 1
        let error = try #require(throws: RegistryError.self) { try ModelCard.decode(from: card.encoded()) }
        #expect(error.code == .invalidDocument)
        #expect(error.input == "cardVersion=\(ModelCard.currentCardVersion + 1)")
    }

    @Test("Bytes that are not a card are refused")
    func notACard() throws {
        let error = try #require(throws: RegistryError.self) { try ModelCard.decode(from: Data("[1]".utf8)) }
        #expect(error.code == .invalidDocument)
    }

    @Test("A card is stored as an artifact and read back through its URI")
    func storedAsArtifact() throws {
        try TemporaryStore.with { store in
            let card = try SampleCard.make()
            let reference = try store.put(card)
            #expect(reference.sha256 == ArtifactReference.sha256(of: try card.encoded()))
            #expect(try store.card(at: reference.uri) == card)
        }
    }
}
