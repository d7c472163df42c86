import Foundation

/// A unit of area found in listings.
public enum AreaUnit: String, Sendable, Codable, CaseIterable {
    case squareMetres
    case squareFeet
    case acres
    case hectares

    /// How many square metres one of this unit is (exact by definition).
    public var squareMetres: Double {
        switch self {
        case .squareMetres: 1
        case .squareFeet: 0.092_903_04
        case .acres: 4_046.856_422_4
        case .hectares: 10_000
        }
    }

    /// The unit a spelling names, compared after lowercasing and removing dots and
    /// spaces, with `²` and `^2` read as `2`: `sq. ft.`, `Square Feet`, `m²`, `qm`, and the
    /// UN/CEFACT codes schema.org's `unitCode` uses (`FTK`, `MTK`, `ACR`, `HAR`).
    init?(spelling: some StringProtocol) {
        // `²` folds to itself, so it is read as `2` first and the rest folds byte by byte
        // (scalars and bytes, not Foundation's substring search: units are read per field).
        let squared =
            spelling.unicodeScalars.contains("²")
            ? String(String.UnicodeScalarView(spelling.unicodeScalars.map { $0 == "²" ? "2" : $0 })) : String(spelling)
        var key = TextFolding.folded(squared)
        if key.utf8.contains(UInt8(ascii: "^")) { key = key.replacingOccurrences(of: "^2", with: "2") }
        key.removeAll { $0 == "." || $0 == " " }
        guard let unit = Self.spellings[key] else { return nil }
        self = unit
    }

    private static let spellings: [String: AreaUnit] = {
        let table: [AreaUnit: [String]] = [
            .squareMetres: [
                "m2", "sqm", "qm", "squaremetre", "squaremetres", "squaremeter", "squaremeters",
                "sqmetre", "sqmetres", "sqmeter", "sqmeters", "quadratmeter", "mtk",
            ],
            .squareFeet: [
                "sqft", "sf", "ft2", "squarefeet", "squarefoot", "sqfeet", "sqfoot", "sqrft", "ftk",
            ],
            .acres: ["ac", "acre", "acres", "acr"],
            .hectares: ["ha", "hectare", "hectares", "hektar", "har"],
        ]
        return Dictionary(
            table.flatMap { unit, spellings in spellings.map { ($0, unit) } },
            uniquingKeysWith: { first, _ in first }
        )
    }()
}
