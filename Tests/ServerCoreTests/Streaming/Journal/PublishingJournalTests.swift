import Foundation
import Kafka
import Pipeline
import Schema
import ServerCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Publishing journal")
struct PublishingJournalTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")

    private func journal(segmentBytes: Int = 1 << 20, maxBytes: Int = 1 << 24) throws -> PublishingJournal {
        try PublishingJournal(
            settings: JournalSettings(directory: folder, segmentBytes: segmentBytes, maxBytes: maxBytes, syncEveryWrite: false),
            logger: ServerFixture.logger)
    }

    private var segmentFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("segment-") }.sorted()
    }

    /// The records of `predictions`, as the queue journals them.
    static func records(_ predictions: [Prediction]) throws -> [KafkaProducerMessage] {
        try predictions.map { try KafkaProducerMessage($0) }
    }

    /// The predictions a recovery read back, in order.
    static func predictions(in recovery: JournalRecovery) throws -> [Prediction] {
        try recovery.entries.map { try Prediction.decode(from: Data($0.record.value)) }
    }

    /// Predictions of real Ames sales (the sale price as the value), ids `prefix-0`, `prefix-1`, ….
    static func predictions(_ count: Int, prefix: String) throws -> [Prediction] {
        try RealHomes.ames(limit: count).enumerated().map { index, home in
            let value = try #require(home.price?.amount)
            return Prediction(
                predictionId: "\(prefix)-\(index)", requestId: "\(prefix)-\(index)", region: home.region, modelName: "homeprice-us",
                modelVersion: "1", arm: .defaultRoute, value: value,
                interval: PredictionInterval(lower: value * 0.9, upper: value * 1.1, confidence: 0.9), currency: "USD",
                predictedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
        }
    }

    @Test("what was appended and never confirmed is read back by the next opening, in order")
    func replayAfterReopen() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(5, prefix: "p")
        let first = try journal()
        _ = try await first.append(try Self.records([predictions[0]]))
        _ = try await first.append(try Self.records(Array(predictions[1...])))
        #expect(first.health.undelivered == 5)
        // Dropped without shutting down, as a killed process leaves it.
        let recovery = try await journal().recover()
        #expect(try Self.predictions(in: recovery) == predictions)
        #expect(recovery.damage.isEmpty)
    }

    @Test("segments rotate at their size limit and are deleted once all their entries are confirmed")
    func rotateAndConfirm() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(6, prefix: "r")
        let journal = try journal(segmentBytes: 1)
        var segments: [UInt64] = []
        for prediction in predictions {
            segments.append(try await journal.append(try Self.records([prediction])))
        }
        #expect(Set(segments).count == 6)
        #expect(segmentFiles.count == 6)
        journal.confirm(Array(segments[..<4]))
        await journal.shutDown()
        #expect(segmentFiles.count == 2)
        #expect(journal.health.undelivered == 2)
        // Only the undelivered segments' entries come back.
        let recovery = try await self.journal().recover()
        #expect(try Self.predictions(in: recovery).map(\.predictionId) == ["r-4", "r-5"])
    }

    @Test("a journal whose every entry was delivered leaves no file behind at shutdown")
    func deliveredOpenSegmentIsDeleted() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try journal()
        let segment = try await journal.append(try Self.records(try Self.predictions(3, prefix: "d")))
        journal.confirm([segment, segment, segment])
        await journal.shutDown()
        #expect(segmentFiles.isEmpty)
        #expect(try await self.journal().recover().entries.isEmpty)
    }

    @Test("a line cut short by a kill in the middle of a write is skipped and reported; the lines before it come back")
    func tornLastLine() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(3, prefix: "t")
        _ = try await journal().append(try Self.records(predictions))
        let file = folder.appendingPathComponent(try #require(segmentFiles.first))
        let content = try Data(contentsOf: file)
        // The next write was cut after 40 bytes.
        let torn = Data("predictions\t".utf8) + (try predictions[0].encoded()).prefix(28)
        try (content + torn).write(to: file)
        let recovery = try await journal().recover()
        #expect(try Self.predictions(in: recovery) == predictions)
        let damage = try #require(recovery.damage.first)
        #expect(recovery.damage.count == 1)
        #expect(damage.file == file.path && damage.offset == content.count)
        #expect(damage.reason.contains("no newline"))
    }

    @Test("a line that does not read back is reported and skipped, not a crash")
    func unreadableLine() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(2, prefix: "u")
        _ = try await journal().append(try Self.records([predictions[0]]))
        let file = folder.appendingPathComponent(try #require(segmentFiles.first))
        let line = Data("predictions\t{\"predictionId\":\"broken\"}\n".utf8)
        try (try Data(contentsOf: file) + line).write(to: file)
        let second = try journal()
        let recovery = await second.recover()
        #expect(try Self.predictions(in: recovery).map(\.predictionId) == ["u-0"])
        #expect(recovery.damage.count == 1)
        // Confirming the one entry read back deletes the old segment.
        second.confirm(recovery.entries.map(\.segment))
        await second.shutDown()
        #expect(segmentFiles.isEmpty)
    }

    @Test("beyond its size limit the journal refuses an append with journalFull, and health says so until deliveries free room")
    func sizeLimit() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(2, prefix: "f")
        let limit = try predictions[0].encoded().count + 100
        let journal = try journal(maxBytes: limit)
        let segment: UInt64? = try await journal.append(try Self.records([predictions[0]]))
        let refused = try Self.records([predictions[1]])
        do {
            _ = try await journal.append(refused)
            Issue.record("an append beyond the limit succeeded")
        } catch {
            #expect(error.code == .journalFull && error.code.httpStatus == 503)
        }
        #expect(journal.health.problem?.code == .journalFull)
        #expect(journal.health.undelivered == 1)

        // Delivered, the entry's segment goes: the journal has room again and health says so.
        journal.confirm([try #require(segment)])
        try await withDeadline(.seconds(120), waitingFor: "the delivered segment to be deleted") {
            while journal.health.problem != nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(journal.health.bytes == 0)
    }

    @Test("a write that fails fails its append with journalFailed, and health says so until a write succeeds")
    func writeFailure() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let predictions = try Self.predictions(2, prefix: "w")
        let journal = try journal()
        try FileManager.default.removeItem(at: folder)
        let failing = try Self.records([predictions[0]])
        do {
            _ = try await journal.append(failing)
            Issue.record("an append into a removed folder succeeded")
        } catch {
            #expect(error.code == .journalFailed && error.input?.hasPrefix(folder.path) == true)
        }
        #expect(journal.health.problem?.code == .journalFailed)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try await journal.append(try Self.records([predictions[1]]))
        #expect(journal.health.problem == nil && journal.health.undelivered == 1)
    }
}
