/// What wakes the supervisor's loop.
enum SupervisorEvent: Sendable {
    /// A service process ended.
    case exited(service: String, pid: Int32, how: String)
    /// A crashed service's restart delay is over.
    case restartDue(service: String)
    /// Time to check the broker and the log sizes.
    case healthCheck
}
