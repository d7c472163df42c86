import Foundation

/// An instruction to a service: retrain, promote, roll back, pause a source, ….
///
/// Published on ``Topic/pipelineControl`` by the monitor, the CLI and review decisions,
/// keyed by ``target`` so commands to one target are applied in order. Targets act on a
/// ``commandId`` at most once.
public struct ControlCommand: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/pipelineControl``.
    public static let topic = Topic.pipelineControl

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The unique id of this command; retries reuse it.
    public var commandId: String

    /// Who must act: a service name such as `"trainer"` or `"server"`, or `source/<id>` for
    /// one source producer.
    public var target: String

    /// What to do.
    public var action: ControlAction

    /// Action parameters, for example `["model": "price-us", "version": "2024.18.1"]` or
    /// `["challengerShare": "0.1"]`.
    public var arguments: [String: String]

    /// Who issued it: a service name or `user:<name>`.
    public var issuedBy: String

    /// Why, for the audit trail.
    public var reason: String?

    /// When it was issued.
    public var at: Date

    /// The target.
    public var key: String { target }

    /// Creates a control command.
    ///
    /// - Parameters:
    ///   - commandId: The unique id of this command.
    ///   - target: Who must act.
    ///   - action: What to do.
    ///   - arguments: Action parameters.
    ///   - issuedBy: Who issued it.
    ///   - reason: Why.
    ///   - at: When it was issued.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        commandId: String,
        target: String,
        action: ControlAction,
        arguments: [String: String] = [:],
        issuedBy: String,
        reason: String? = nil,
        at: Date,
        schemaVersion: Int = ControlCommand.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.commandId = commandId
        self.target = target
        self.action = action
        self.arguments = arguments
        self.issuedBy = issuedBy
        self.reason = reason
        self.at = at
    }
}
