import ServiceSupport

/// What the supervisor sees of its broker.
enum BrokerHealth: String, Sendable, Equatable {
    /// The process runs and its port accepts connections.
    case running
    /// The process runs but its port does not accept connections.
    case unreachable
    /// The process has exited: the topics, kept in memory, are gone.
    case dead

    /// The status word written to the state file.
    var status: String { rawValue }

    /// Checks `broker` now.
    static func check(_ broker: TansuBroker) -> BrokerHealth {
        guard broker.brokerProcessIdentifier != nil else { return .dead }
        return LocalPort.isAccepting(broker.port) ? .running : .unreachable
    }
}
