import Foundation

/// Everything the trainer keeps across restarts, saved as one file: the training store, the
/// triggers' memory and the control commands already handled.
public struct TrainerState: Codable, Sendable, Equatable {
    /// The training store.
    public var store = TrainingStore()
    /// Per region, the store sequence its last training started from.
    public var trainedThrough: [String: Int] = [:]
    /// Per region, the last weekly slot that was trained (or found to need nothing).
    public var lastScheduledSlot: [String: Date] = [:]
    /// Ids of the control commands already handled, newest last (bounded).
    public var handledCommands: [String] = []
    /// Retrain requests taken from control commands and not yet run, by region.
    public var requested: [String: String] = [:]

    /// The most command ids remembered.
    public static let rememberedCommands = 1_000

    /// An empty state.
    public init() {}

    /// Remembers a handled command id; returns false when it was handled before.
    public mutating func remember(command id: String) -> Bool {
        guard !handledCommands.contains(id) else { return false }
        handledCommands.append(id)
        if handledCommands.count > Self.rememberedCommands { handledCommands.removeFirst(handledCommands.count - Self.rememberedCommands) }
        return true
    }
}
