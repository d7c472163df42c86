/// What the trainer does with a candidate the validation gate accepted. The first validated
/// version of a model always becomes its champion (there is nothing to compare with in
/// production yet).
public enum PromotionPolicy: String, Sendable, Equatable, CaseIterable {
    /// The candidate replaces the champion at once (the champion stays the rollback target).
    case champion
    /// The candidate becomes the `challenger` alias; an A/B experiment, a person or the monitor
    /// promotes it.
    case challenger
}
