/// A message that crosses a Kafka topic.
///
/// Every type published on a HomePrice topic conforms to this protocol. It ties the
/// type to the one ``Topic`` that carries it, names the record key producers must use,
/// and carries the schema version the consumer checks before trusting the body.
///
/// Encode and decode conforming types with ``SchemaMessage/encoded()`` and
/// ``SchemaMessage/decode(from:)`` so that every service writes the same JSON.
public protocol SchemaMessage: Codable, Sendable, Equatable {
    /// The newest schema version of this type that this build writes and can read.
    ///
    /// Decoding rejects a message whose ``schemaVersion`` is higher with
    /// ``SchemaError/Code/unsupportedSchemaVersion``.
    static var currentSchemaVersion: Int { get }

    /// The topic that carries messages of this type.
    static var topic: Topic { get }

    /// The schema version the producer wrote this message with.
    var schemaVersion: Int { get }

    /// The Kafka record key of this message on ``topic``.
    ///
    /// Keys are stable ids: the same entity always gets the same key, so it always
    /// lands in the same partition and idempotent consumers can upsert by it.
    var key: String { get }

    /// The version of the entity this message describes, when its producer numbers them
    /// (``Home/version``, ``FeatureRow/homeVersion``); `nil` for messages without one.
    var entityVersion: Int? { get }
}

extension SchemaMessage {
    /// `nil`: messages are unnumbered unless their type says otherwise.
    public var entityVersion: Int? { nil }

    /// Whether this message may take the place of `held` as the latest value of its key: always,
    /// unless both are numbered and this one is older. A retried produce request or a second
    /// producer instance can put an older version of an entity after a newer one on a topic; a
    /// reader of the latest value per key that asks this keeps the newer one. An equal number is
    /// a replay of the same version and replaces it.
    public func replaces(_ held: Self?) -> Bool {
        guard let version = entityVersion, let heldVersion = held?.entityVersion else { return true }
        return version >= heldVersion
    }
}
