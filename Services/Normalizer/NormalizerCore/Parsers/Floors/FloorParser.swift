import Foundation

/// Reads the floor a flat is on, as listings in English and German write it: `3`, `3rd floor`,
/// `3. OG`, `3. Etage`, `EG` / `Erdgeschoss` / `ground floor` (0), `UG` / `basement` (-1).
///
/// The result counts from the ground floor as 0. Where the ground floor is the first floor
/// (the US and Canada: `groundFloorNumber` 1), `1st floor` is 0 and `3` is 2.
public enum FloorParser {
    /// Words that name a floor without a number.
    private static let namedFloors: [String: Int] = [
        "eg": 0, "erdgeschoss": 0, "hochparterre": 0, "parterre": 0, "ground": 0, "groundfloor": 0, "g": 0,
        "ug": -1, "untergeschoss": -1, "souterrain": -1, "basement": -1, "lowerlevel": -1,
    ]

    /// Words around a floor number that carry no meaning of their own.
    private static let fillerWords: Set<String> = [
        "og", "obergeschoss", "etage", "stock", "stockwerk", "floor", "fl", "level", "st", "nd", "rd", "th",
    ]

    /// The floor number.
    /// - Throws: ``ParseError/Code/empty``, ``ParseError/Code/missingValue`` or
    ///   ``ParseError/Code/unrecognizedTerm`` for text that names no floor.
    public static func parse(_ input: String, groundFloorNumber: Int = 0) throws(ParseError) -> Int {
        let text = try InputScreening.value(input)
        if let floor = namedFloors[Vocabulary.matchingKey(text)] {
            return floor
        }
        let words = TextFolding.foldedWords(text).split(separator: " ").flatMap(splittingOrdinalSuffix)
            .filter { !fillerWords.contains($0) }
        guard let floor = Int(text) ?? (words.count == 1 ? Int(words[0]) : nil), (-5...200).contains(floor) else {
            throw ParseError(.unrecognizedTerm, reason: "'\(text)' names no floor", input: input)
        }
        return floor >= groundFloorNumber && floor > 0 ? floor - groundFloorNumber : floor
    }

    /// `3rd` → `3`, `rd`; other words as they are.
    private static func splittingOrdinalSuffix(_ word: Substring) -> [String] {
        guard let firstLetter = word.firstIndex(where: \.isLetter), firstLetter > word.startIndex,
            word[..<firstLetter].allSatisfy(\.isNumber)
        else { return [String(word)] }
        return [String(word[..<firstLetter]), String(word[firstLetter...])]
    }
}
