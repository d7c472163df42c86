import Schema

/// A parsed value of one canonical field, in canonical units.
public enum CanonicalValue: Sendable, Equatable, Codable {
    /// Text: a normalised address part, a vocabulary term, an extra attribute.
    case text(String)
    /// A whole number: a count, a year, a month.
    case integer(Int)
    /// A measurement: an area in square metres, a coordinate, a number of bathrooms.
    case number(Double)
    /// A price with its currency.
    case money(Money)

    /// Whether two values mean the same, numbers within `relativeTolerance` of each other.
    public func agrees(with other: CanonicalValue, relativeTolerance: Double) -> Bool {
        switch (self, other) {
        case (.number, .number), (.number, .integer), (.integer, .number):
            // Records stored before rooms became a number hold `.integer(3)`, new ones `.number(3)`.
            Self.close(number ?? .nan, other.number ?? .nan, relativeTolerance)
        case (.money(let left), .money(let right)):
            left.currency == right.currency && Self.close(left.amount, right.amount, relativeTolerance)
        case (.text(let left), .text(let right)):
            Vocabulary.matchingKey(left) == Vocabulary.matchingKey(right)
        default:
            self == other
        }
    }

    /// The value as text, for review evidence and dry-run output.
    public var text: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .money(let money): "\(money.amount) \(money.currency)"
        }
    }

    private static func close(_ left: Double, _ right: Double, _ tolerance: Double) -> Bool {
        abs(left - right) <= tolerance * max(abs(left), abs(right))
    }
}

extension CanonicalValue {
    /// The value as a whole number, if it is one.
    var integer: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The value as a number: a measurement or a whole number.
    var number: Double? {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        case .text, .money: nil
        }
    }
}
