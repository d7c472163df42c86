import Foundation

/// Small numbers written as words, in English and German.
enum NumberWords {
    /// Folded word → value.
    private static let values: [String: Int] = {
        let english = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty",
        ]
        let german = [
            "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
            "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
            "neunzehn", "zwanzig",
        ]
        var values: [String: Int] = ["ein": 1, "eine": 1, "zwo": 2]
        for words in [english, german] {
            for (value, word) in words.enumerated() {
                values[TextFolding.folded(word)] = value
            }
        }
        return values
    }()

    /// The value of a number word such as `three`, `drei` or `Fünf`, if it is one.
    static func value(of word: some StringProtocol) -> Int? {
        values[TextFolding.folded(word)]
    }
}
