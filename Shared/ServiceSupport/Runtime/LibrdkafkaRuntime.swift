import Foundation
import Kafka

#if canImport(Glibc)
    import Glibc
#endif

/// Makes every HomePrice binary run with a librdkafka that can talk to tansu, so nobody has to
/// remember `LD_LIBRARY_PATH`.
///
/// The build links Debian's librdkafka (2.0.2), which misreads tansu's replies. When the
/// loaded library is older than 2.2 and the project's virtual environment holds the newer one
/// from the `confluent-kafka` wheel, the process re-executes itself with a folder holding
/// `librdkafka.so.1` (a link to the wheel's library) first on `LD_LIBRARY_PATH`.
public enum LibrdkafkaRuntime {
    /// Set in the re-executed process so it never loops.
    static let relaunchedMarker = "HOMEPRICE_LIBRDKAFKA_RELAUNCHED"

    /// Re-executes the process with the newer librdkafka if that is needed and possible;
    /// returns (without re-executing) otherwise.
    public static func relaunchIfOutdated(layout: ProjectLayout? = ProjectLayout.current()) {
        let environment = ProcessInfo.processInfo.environment
        guard !LibrdkafkaVersion.isModern, environment[relaunchedMarker] == nil,
            let layout, let folder = try? linkFolder(layout: layout)
        else { return }
        let libraryPath = [folder.path, environment["LD_LIBRARY_PATH"]].compactMap { $0 }.joined(separator: ":")
        setenv("LD_LIBRARY_PATH", libraryPath, 1)
        setenv(relaunchedMarker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // execv returns only on failure: carry on with the linked library.
        unsetenv(relaunchedMarker)
    }

    /// The folder holding `librdkafka.so.1` → the wheel's library, created when missing.
    /// `nil` when the wheel is not installed.
    public static func linkFolder(layout: ProjectLayout) throws -> URL? {
        guard let library = layout.wheelLibrdkafka else { return nil }
        let folder = layout.virtualEnvironment.appendingPathComponent("librdkafka")
        let link = folder.appendingPathComponent("librdkafka.so.1")
        let fileManager = FileManager.default
        if (try? fileManager.destinationOfSymbolicLink(atPath: link.path)) != library.path {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: link)
            try fileManager.createSymbolicLink(at: link, withDestinationURL: library)
        }
        return folder
    }
}
