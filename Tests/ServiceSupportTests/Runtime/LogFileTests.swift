import Foundation
import ServiceSupport
import Testing

@Suite("Log files")
struct LogFileTests {
    @Test("a log past the limit moves to .log.1 and empties in place; a writer keeps appending from the start")
    func rotationCapsTheSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("logs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("normalizer.log")
        let writer = try LogFile.appendingHandle(file)
        writer.write(Data(String(repeating: "x", count: 2_000).utf8))
        LogFile.rotate(in: folder, largerThan: 1_000)
        writer.write(Data("after\n".utf8))
        #expect(try Data(contentsOf: file) == Data("after\n".utf8), "no hole of the old size before new lines")
        #expect(try Data(contentsOf: folder.appendingPathComponent("normalizer.log.1")).count == 2_000)
        LogFile.rotate(in: folder, largerThan: 1_000)
        #expect(try Data(contentsOf: file) == Data("after\n".utf8), "a small log is left alone")
    }
}
