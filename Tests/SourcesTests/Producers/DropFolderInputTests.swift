import Foundation
import Logging
import Scenario
import Schema
import Sources
import TestSupport
import Testing

@Suite("Drop folders and files nobody vouches for")
struct DropFolderInputTests {
    private static let logger = Logger(label: "test.sources")

    /// A producer of the Canadian land registry (XML `<Sale id=…>`) or the US open data
    /// (JSON lines) reading `folder/input` once, with a recording publisher.
    private func ingest(_ source: ScenarioSource, folder: URL) async throws -> RecordingPublisher {
        let publisher = RecordingPublisher()
        let configuration = SourceProducerIntegrationTests.configuration(
            source, input: folder.appendingPathComponent("input"), recordId: source == .caLandRegistry ? "@id" : "id", element: "Sale",
            folder: folder)
        _ = try await SourceProducer(configuration: configuration, publisher: publisher, logger: Self.logger).ingestAvailable()
        return publisher
    }

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("input"), withIntermediateDirectories: true)
        return folder
    }

    @Test("a symbolic link in the folder is never followed, whether it points out of the folder or at a file in it")
    func symbolicLinksRefused() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("outside.xml")
        try "<R><Sale id=\"SECRET-1\"><Price>1</Price></Sale></R>".write(to: outside, atomically: true, encoding: .utf8)
        let input = folder.appendingPathComponent("input")
        try "<R><Sale id=\"OK-1\"><Price>2</Price></Sale></R>".write(
            to: input.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("b-escape.xml"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            atPath: input.appendingPathComponent("c-etc.xml").path, withDestinationPath: "/etc/hostname")
        let published = try await ingest(.caLandRegistry, folder: folder)
        #expect(published.rawRecords.map(\.recordId) == ["OK-1"])
        #expect(published.deadLetters.map { $0.reasons[0].code } == ["ingestion.symbolicLinkRefused", "ingestion.symbolicLinkRefused"])
        #expect(published.deadLetters.allSatisfy { $0.originalPayload.isEmpty })
    }

    @Test("a half-cut XML file keeps its complete records and dead-letters the cut one; an empty file is reported")
    func cutAndEmptyXML() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input")
        try
            "<?xml version=\"1.0\"?>\n<R>\n<Sale id=\"C-1\"><Price>1</Price></Sale>\n<Sale id=\"C-2\"><Price>2</Price></Sale>\n<Sale id=\"C-3\"><Pri"
            .write(to: input.appendingPathComponent("a-cut.xml"), atomically: true, encoding: .utf8)
        try "".write(to: input.appendingPathComponent("b-empty.xml"), atomically: true, encoding: .utf8)
        let published = try await ingest(.caLandRegistry, folder: folder)
        #expect(published.rawRecords.map(\.recordId) == ["C-1", "C-2"])
        #expect(
            published.deadLetters.map(\.originalKey) == [
                "\(ScenarioSource.caLandRegistry.id)/a-cut.xml:5", "\(ScenarioSource.caLandRegistry.id)/b-empty.xml:1",
            ])
        #expect(published.deadLetters.map { $0.reasons[0].code } == ["ingestion.malformedXML", "ingestion.emptyFile"])
        #expect(published.deadLetters[0].reasons[0].message.contains("line 5"))
    }

    @Test("an XML file with an external entity is dead-lettered without reading the entity")
    func externalEntity() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trap = try ConnectionTrap()
        try
            "<!DOCTYPE R [<!ENTITY f SYSTEM \"file:///etc/hostname\"><!ENTITY h SYSTEM \"\(trap.url("x"))\">]><R><Sale id=\"X-1\">&f;&h;</Sale></R>"
            .write(to: folder.appendingPathComponent("input/a.xml"), atomically: true, encoding: .utf8)
        let hostname = try String(contentsOfFile: "/etc/hostname", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let published = try await ingest(.caLandRegistry, folder: folder)
        #expect(published.rawRecords.isEmpty)
        #expect(published.deadLetters.count == 1)
        #expect(published.deadLetters[0].reasons[0].message.contains("DTD"))
        #expect(hostname.isEmpty || !published.deadLetters[0].reasons[0].message.contains(hostname))
        #expect(trap.connections() == 0)
    }

    @Test(
        "a line that is not UTF-8 is dead-lettered with its position and the other lines are published; a 5 MB line gives a small dead letter"
    )
    func invalidUTF8AndHugeLine() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = Data("{\"id\":\"U-1\"}\n{\"id\":\"U-2\",\"city\":\"M".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(contentsOf: Data("nchen\"}\n{\"id\":\"U-3\"}\n".utf8))
        data.append(contentsOf: Data(("{\"id\":\"U-4\",\"junk\":" + String(repeating: "9", count: 5_000_000) + "\n").utf8))
        try data.write(to: folder.appendingPathComponent("input/a.jsonl"))
        let published = try await ingest(.usOpenData, folder: folder)
        #expect(published.rawRecords.map(\.recordId) == ["U-1", "U-3"])
        #expect(published.deadLetters.map { $0.reasons[0].code } == ["ingestion.invalidUTF8", "ingestion.invalidJSON"])
        #expect(published.deadLetters[0].reasons[0].message.contains("a.jsonl:2 is not valid UTF-8 (first bad byte at byte 22"))
        let huge = published.deadLetters[1]
        #expect(huge.originalLength == 5_000_019)
        #expect(try JSONEncoder().encode(huge).count < 40_000, "the dead letter is bounded")
    }
}
