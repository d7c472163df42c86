import Foundation

/// The ways sources write numbers, money, areas and dates.
enum TextFormats {
    static let squareFeetPerSquareMetre = 10.763_910_416_709_722

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    static let germanMonths = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember",
    ]

    /// Whole square feet of `squareMetres`.
    static func squareFeet(_ squareMetres: Double) -> Int {
        Int((squareMetres * squareFeetPerSquareMetre).rounded())
    }

    /// `1234567` with a group separator every three digits: `"1,234,567"` or `"1.234.567"`.
    static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    /// `"$215,000"`.
    static func dollars(_ amount: Double) -> String {
        "$" + grouped(Int(amount.rounded()), separator: ",")
    }

    /// `"130.000 €"`.
    static func euros(_ amount: Double) -> String {
        grouped(Int(amount.rounded()), separator: ".") + " €"
    }

    /// A decimal with a German comma: `"130,5"`; whole numbers without a fraction.
    static func germanDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }

    /// A decimal with a point, without a trailing `.0`.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The text with two adjacent letters swapped, as a hurried typist writes it.
    static func typo(_ text: String, random: inout SplitMix64) -> String {
        var characters = Array(text)
        let letters = characters.indices.dropLast().filter { characters[$0].isLetter && characters[$0 + 1].isLetter }
        guard !letters.isEmpty else { return text }
        let index = random.pick(letters)
        characters.swapAt(index, index + 1)
        return String(characters)
    }

    /// A CSV field, quoted when it holds the delimiter, a quote or a line break.
    static func csvField(_ text: String, delimiter: Character) -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
