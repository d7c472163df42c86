/// The one error type of the Kafka module.
///
/// Every error carries a stable ``Code``, a human-readable reason and, where there is one,
/// the input that caused it (a configuration key, a topic/partition/offset).
public struct KafkaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of what went wrong; safe to match on.
    public enum Code: String, Sendable, Equatable {
        /// A configuration property was rejected by librdkafka.
        case invalidConfiguration
        /// librdkafka could not create a client handle.
        case clientCreationFailed
        /// A message could not be handed to librdkafka.
        case enqueueFailed
        /// The broker did not acknowledge a message (the delivery report carried an error).
        case deliveryFailed
        /// The client or the broker refused this message itself (too large, invalid record):
        /// sending it again cannot succeed, unlike a ``deliveryFailed`` of an unreachable broker.
        case messageRejected
        /// The client is shutting down or already closed.
        case shutDown
        /// The consumer reported an error while polling.
        case consumeFailed
        /// Storing or committing an offset failed.
        case commitFailed
        /// A subscription, assignment, pause or resume request failed.
        case assignmentFailed
        /// An admin request (create, delete, list topics) failed.
        case adminFailed
        /// A message's bytes could not be decoded into the expected type.
        case decodingFailed
        /// A metadata or offset query failed.
        case queryFailed
        /// librdkafka reported a fatal error; the client cannot continue.
        case fatal
        /// librdkafka reported a non-fatal error (a broker unreachable, a request timed out);
        /// it retries by itself.
        case transient
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A human-readable explanation.
    public let reason: String
    /// Where it happened: the topic/partition/offset, the config key, the topic name, ….
    public let input: String?

    /// Creates an error.
    public init(code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// Whether the error says no broker could be reached (connection refused, transport
    /// failure, all brokers down, timed out waiting for metadata).
    public var isBrokerUnreachable: Bool {
        ["transport failure", "all broker connections are down", "brokers are down", "timed out", "connection refused"].contains {
            reason.lowercased().contains($0)
        }
    }

    public var description: String {
        if let input {
            return "kafka \(code.rawValue): \(reason) [\(input)]"
        }
        return "kafka \(code.rawValue): \(reason)"
    }
}
