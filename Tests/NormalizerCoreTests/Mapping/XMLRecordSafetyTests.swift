import Foundation
import NormalizerCore
import Schema
import TestSupport
import Testing

@Suite("XML records an attacker or a cut transfer could send")
struct XMLRecordSafetyTests {
    private static let body = """
        <Vertrag nr="KPS-1"><Objektart>Einfamilienhaus</Objektart><Lage>Hauptstr. 5, 10115 Berlin</Lage>\
        <Kaufpreis waehrung="EUR">130.000,00</Kaufpreis><Wohnflaeche einheit="m²">111,5</Wohnflaeche>\
        <Baujahr>Mai 1990</Baujahr><Zimmer>4</Zimmer></Vertrag>
        """

    private func map(_ payload: String) throws -> Result<MappedRecord, MappingFailure> {
        let descriptor = try #require(try SeedScenario.catalog()["de-kaufpreissammlung"])
        let record = RawRecord(
            sourceId: descriptor.id, recordId: "r1", region: "DE", fetchedAt: SeedScenario.now, contentType: "application/xml",
            payload: payload)
        return try RecordMapper(descriptor: descriptor).map(record)
    }

    private func failure(_ payload: String) throws -> NormalizationError? {
        guard case .failure(let failure) = try map(payload) else { return nil }
        return failure.errors.first
    }

    @Test("a record whose entity names a local file is rejected and the file's content appears nowhere")
    func fileEntity() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt")
        try "Kaufpreis TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let payload =
            "<!DOCTYPE Vertrag [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>"
            + Self.body.replacingOccurrences(of: "<Objektart>Einfamilienhaus", with: "<Objektart>&x;")
        let error = try #require(try failure(payload), "the record is not mapped")
        #expect(error.code == .malformedPayload)
        #expect(!error.description.contains("TOP-SECRET"))
        #expect(error.description.contains("DTD"))
    }

    @Test("a record whose entity names an http address is rejected without any request")
    func httpEntity() throws {
        let trap = try ConnectionTrap()
        let payload =
            "<!DOCTYPE Vertrag [<!ENTITY x SYSTEM \"\(trap.url("ssrf"))\">]>" + Self.body.replacingOccurrences(of: "4<", with: "&x;<")
        #expect(try failure(payload)?.code == .malformedPayload)
        #expect(trap.connections() == 0, "the normalizer sent no request")
    }

    @Test("an empty, blank or cut payload is a malformed-payload error, not a crash")
    func emptyAndCutPayloads() throws {
        for payload in ["", "  \n", String(Self.body.prefix(120))] {
            let error = try #require(try failure(payload), "payload \(payload.debugDescription) is rejected")
            #expect(error.code == .malformedPayload)
        }
        #expect(try failure(Self.body) == nil, "the intact record still maps")
    }

    @Test("the error of a megabyte of garbage quotes only a short excerpt")
    func hugeGarbage() throws {
        let payload = "<Vertrag>" + String(repeating: "<x>", count: 350_000)
        let error = try #require(try failure(payload))
        #expect(error.code == .malformedPayload)
        #expect(error.description.utf8.count < 1_000)
    }
}
