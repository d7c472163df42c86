import Synchronization

/// A request to stop a training at its next epoch's end, set from a graceful-shutdown
/// handler and read by the training thread after each checkpoint.
final class StopRequest: Sendable {
    private let requested = Atomic(false)

    /// Asks the training to stop.
    func request() { requested.store(true, ordering: .relaxed) }

    /// Whether a stop was asked for.
    var isRequested: Bool { requested.load(ordering: .relaxed) }
}
