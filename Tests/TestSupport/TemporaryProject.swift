import Foundation
import ServiceSupport

/// A throw-away project root with a `configs/` folder, for tests of configuration loading.
public struct TemporaryProject: Sendable {
    /// Its layout.
    public let layout: ProjectLayout

    /// Creates an empty project in the temporary folder.
    public init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("configs"), withIntermediateDirectories: true)
        layout = ProjectLayout(root: root)
    }

    /// Writes `text` to `configs/<path>`, creating folders.
    public func write(_ text: String, to path: String) throws {
        let file = layout.configs.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Copies the real project's `configs/<path>` into this one.
    public func copy(_ path: String) throws {
        try write(String(contentsOf: TestProject.layout.configs.appendingPathComponent(path), encoding: .utf8), to: path)
    }

    /// Deletes the project.
    public func remove() {
        try? FileManager.default.removeItem(at: layout.root)
    }
}
