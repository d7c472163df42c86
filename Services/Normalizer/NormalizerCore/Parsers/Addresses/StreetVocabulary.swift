import Foundation

/// The words of street lines: street types, directions, unit designators and
/// country names, compared without case and dots.
enum StreetVocabulary {
    /// North American street types by spelling, with the USPS abbreviation.
    private static let northAmericanTypes: [String: String] = {
        let spellings: [String: [String]] = [
            "St": ["st", "str", "strt", "street"],
            "Ave": ["ave", "av", "aven", "avenu", "avenue", "avn", "avnue"],
            "Rd": ["rd", "road"],
            "Dr": ["dr", "drv", "driv", "drive"],
            "Blvd": ["blvd", "boul", "boulv", "boulevard"],
            "Ln": ["ln", "lane"],
            "Ct": ["ct", "crt", "court"],
            "Pl": ["pl", "place"],
            "Ter": ["ter", "terr", "terrace"],
            "Pkwy": ["pkwy", "pky", "pkway", "parkway"],
            "Hwy": ["hwy", "hiway", "highway"],
            "Cir": ["cir", "circ", "circle"],
            "Way": ["way", "wy"],
            "Trl": ["trl", "trail"],
            "Sq": ["sq", "sqr", "square"],
            "Cres": ["cres", "crsnt", "crescent"],
            "Aly": ["aly", "alley"],
            "Expy": ["expy", "expressway"],
            "Fwy": ["fwy", "freeway"],
            "Plz": ["plz", "plaza"],
            "Loop": ["loop"],
        ]
        return Dictionary(
            uniqueKeysWithValues: spellings.flatMap { abbreviation, words in
                words.map { ($0, abbreviation) }
            }
        )
    }()

    private static let directionals: [String: String] = [
        "n": "N", "north": "N", "s": "S", "south": "S", "e": "E", "east": "E", "w": "W", "west": "W",
        "ne": "NE", "northeast": "NE", "nw": "NW", "northwest": "NW",
        "se": "SE", "southeast": "SE", "sw": "SW", "southwest": "SW",
    ]

    private static let unitDesignators: Set<String> = [
        "apt", "apartment", "unit", "suite", "ste", "rm", "room", "#",
        "whg", "wohnung", "we", "app", "appartement", "top",
    ]

    private static let countryNames: [Country: Set<String>] = [
        .unitedStates: ["us", "usa", "unitedstates", "unitedstatesofamerica"],
        .canada: ["ca", "can", "canada", "kanada"],
        .germany: ["de", "deu", "germany", "deutschland", "bundesrepublikdeutschland", "brd"],
    ]

    /// The USPS abbreviation of a street type: `Street` → `St`, `avenue` → `Ave`.
    static func northAmericanType(_ word: some StringProtocol) -> String? {
        northAmericanTypes[key(word)]
    }

    /// The abbreviation of a direction: `North` → `N`, `sw` → `SW`.
    static func directional(_ word: some StringProtocol) -> String? {
        directionals[key(word)]
    }

    /// Whether a word introduces a unit: `Apt`, `Suite`, `#`, `#12`, `Whg.`.
    static func isUnitDesignator(_ word: some StringProtocol) -> Bool {
        word.hasPrefix("#") || unitDesignators.contains(key(word))
    }

    /// Whether the words name the country: `USA`, `Canada`, `Deutschland`.
    static func namesCountry(_ words: some Sequence<some StringProtocol>, _ country: Country) -> Bool {
        let name = Vocabulary.matchingKey(words.joined(separator: " "))
        return countryNames[country]?.contains(name) ?? false
    }

    /// A German street word with `Str.`, `str`, `strasse` spelt `Straße`:
    /// `Hauptstr.` → `Hauptstraße`, `Str.` → `Straße`.
    static func germanStreetWord(_ word: String) -> String {
        let lowercased = word.lowercased()
        for ending in ["strasse", "straße", "str.", "str"] where lowercased.hasSuffix(ending) {
            let stem = word.dropLast(ending.count)
            return stem.isEmpty ? "Straße" : stem + (stem.last == "-" ? "Straße" : "straße")
        }
        return word
    }

    private static func key(_ word: some StringProtocol) -> String {
        word.lowercased().filter { $0 != "." }
    }
}
