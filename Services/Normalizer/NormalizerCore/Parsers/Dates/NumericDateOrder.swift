import Foundation

/// Which of day and month comes first in an all-numeric date like `05/06/1990`.
public enum NumericDateOrder: String, Sendable, Codable, CaseIterable {
    /// `05/06/1990` is May 6 (United States).
    case monthFirst
    /// `05/06/1990` is 5 June (Germany and most of Europe).
    case dayFirst
}
