import Foundation

/// A stretch of time in which a client reached no broker, ended by the broker's first answer.
public struct BrokerOutage: Sendable, Equatable {
    /// The client's id (`client.id`), for example `preprocessor`.
    public var client: String
    /// When the client's first connectivity error arrived.
    public var began: Date
    /// When the broker answered again (a delivery, a fetch or a metadata probe).
    public var ended: Date

    /// Creates an outage of `client` from `began` to `ended`.
    public init(client: String, began: Date, ended: Date) {
        self.client = client
        self.began = began
        self.ended = ended
    }

    /// How long the outage lasted, in seconds.
    public var seconds: Double { ended.timeIntervalSince(began) }
}
