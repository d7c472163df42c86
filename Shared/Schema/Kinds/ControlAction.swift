/// What a control command asks its target to do.
public enum ControlAction: String, Codable, Sendable, CaseIterable {
    /// Train a new candidate now.
    case retrain

    /// Make a model version the champion.
    case promote

    /// Refuse a candidate model version.
    case reject

    /// Return serving to the previous champion.
    case rollback

    /// Retire a model version.
    case archive

    /// Change the A/B split between champion and challenger.
    case setTrafficSplit

    /// Stop a source producer from publishing.
    case pauseSource

    /// Let a paused source producer publish again.
    case resumeSource

    /// Re-read configuration files without restarting.
    case reloadConfiguration
}
