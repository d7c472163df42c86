import Foundation

/// Who a person at the command line is in events and commands: `user:<$USER>`, or `user:cli`
/// when `USER` is unset.
enum CLIActor {
    /// The actor of this process.
    static var current: String {
        let user = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "cli"
        return "user:\(user)"
    }
}
