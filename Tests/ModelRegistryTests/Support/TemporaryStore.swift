import Foundation
import ModelRegistry

/// An artifact store in a fresh temporary folder, removed when the test body returns.
enum TemporaryStore {
    static func with<Result>(_ body: (ArtifactStore) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(ArtifactStore(directory: folder))
    }
}
