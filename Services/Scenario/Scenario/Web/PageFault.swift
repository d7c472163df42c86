/// How a listing page of the scenario website misbehaves, decided by its position.
public enum PageFault: String, Sendable, Equatable, CaseIterable {
    /// Always answers 500: retried, then reported, never published.
    case alwaysFails
    /// Answers 500 on the first request, then works: a retry publishes it.
    case failsOnce
    /// Answers after ``ListingSite/Configuration/slowDelay``.
    case slow
    /// Serves broken markup (unclosed and stray tags); the JSON-LD is still there.
    case malformedHTML
    /// Sends no `ETag` or `Last-Modified` and a view counter that changes on every request:
    /// only a content hash tells that the listing did not change.
    case noValidators

    /// The fault of the listing at `position` (0-based) of the site, or `nil` for a healthy page:
    /// positions 5, 11, 17, 23 and 29 of every 37 get one fault each.
    public static func of(position: Int) -> PageFault? {
        switch position % 37 {
        case 5: .alwaysFails
        case 11: .failsOnce
        case 17: .slow
        case 23: .malformedHTML
        case 29: .noValidators
        default: nil
        }
    }
}
