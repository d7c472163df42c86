import Foundation
import Schema
import Testing

@Suite("Message round trips")
struct MessageRoundTripTests {
    @Test("Every message type decodes to an equal value after encoding", arguments: Topic.allCases)
    func everyMessageTypeSurvivesARoundTrip(topic: Topic) throws {
        let sample = Samples.message(for: topic)
        let decoded = try topic.decodeMessage(from: sample.encoded())
        #expect(sample.isEqual(to: decoded))
    }

    @Test("Every field of a fully populated message appears in its JSON", arguments: Topic.allCases)
    func everyFieldIsEncoded(topic: Topic) throws {
        let sample = Samples.message(for: topic)
        let json = try JSONValue(encoding: sample)
        let fieldCount = Mirror(reflecting: sample).children.count
        #expect(json.keys.count == fieldCount)
    }

    @Test("A message with only its required fields survives a round trip")
    func minimalMessageSurvivesARoundTrip() throws {
        let home = Home(
            id: "home-de-1",
            region: "DE",
            address: Address(city: "München", country: "DE"),
            normalizedAt: Samples.date
        )
        #expect(try home.roundTripped() == home)
        let json = try JSONValue(encoding: home)
        #expect(json["price"] == nil)
        #expect(json["address"]?.keys == ["city", "country"])
    }

    @Test("New messages carry the current schema version")
    func newMessagesCarryTheCurrentSchemaVersion() {
        #expect(Samples.home.schemaVersion == Home.currentSchemaVersion)
        #expect(Samples.rawRecord.schemaVersion == 1)
    }

    @Test("An older schema version still decodes")
    func olderSchemaVersionDecodes() throws {
        let older = Feedback(
            feedbackId: "fb-1",
            predictionId: "pred-1",
            kind: .rating,
            value: 4,
            at: Samples.date,
            schemaVersion: 1
        )
        #expect(try Feedback.decode(from: older.encoded()).schemaVersion == 1)
    }

    @Test("Unknown fields from a newer producer are ignored")
    func unknownFieldsAreIgnored() throws {
        var json = try JSONValue(encoding: Samples.feedback)
        json["sentiment"] = .string("positive")
        #expect(try Feedback.decode(from: json.data()) == Samples.feedback)
    }
}
