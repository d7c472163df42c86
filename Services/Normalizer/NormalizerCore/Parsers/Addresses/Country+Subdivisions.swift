import Foundation

extension Country {
    /// The code of the state, province or Land a name or code stands for:
    /// `New York` → `NY`, `Québec` → `QC`, `Bayern` and `Bavaria` → `BY`.
    ///
    /// US and Canadian codes are the postal ones; German codes are the ISO 3166-2
    /// ones without the `DE-` prefix. Names are compared by
    /// ``Vocabulary/matchingKey(_:)``, so case, accents and punctuation do not matter.
    public func subdivisionCode(for name: String) -> String? {
        Self.subdivisionCodesByKey[self]?[Vocabulary.matchingKey(name)]
    }

    private static let subdivisionCodesByKey: [Country: [String: String]] = {
        var index: [Country: [String: String]] = [:]
        for (country, namesByCode) in subdivisionNames {
            var codesByKey: [String: String] = [:]
            for (code, names) in namesByCode {
                for name in [code] + names {
                    codesByKey[Vocabulary.matchingKey(name)] = code
                }
            }
            index[country] = codesByKey
        }
        return index
    }()

    private static let subdivisionNames: [Country: [String: [String]]] = [
        .unitedStates: [
            "AL": ["Alabama"], "AK": ["Alaska"], "AZ": ["Arizona"], "AR": ["Arkansas"],
            "CA": ["California", "Calif"], "CO": ["Colorado"], "CT": ["Connecticut"],
            "DE": ["Delaware"], "FL": ["Florida"], "GA": ["Georgia"], "HI": ["Hawaii"],
            "ID": ["Idaho"], "IL": ["Illinois"], "IN": ["Indiana"], "IA": ["Iowa"],
            "KS": ["Kansas"], "KY": ["Kentucky"], "LA": ["Louisiana"], "ME": ["Maine"],
            "MD": ["Maryland"], "MA": ["Massachusetts"], "MI": ["Michigan"], "MN": ["Minnesota"],
            "MS": ["Mississippi"], "MO": ["Missouri"], "MT": ["Montana"], "NE": ["Nebraska"],
            "NV": ["Nevada"], "NH": ["New Hampshire"], "NJ": ["New Jersey"], "NM": ["New Mexico"],
            "NY": ["New York"], "NC": ["North Carolina"], "ND": ["North Dakota"], "OH": ["Ohio"],
            "OK": ["Oklahoma"], "OR": ["Oregon"], "PA": ["Pennsylvania"], "RI": ["Rhode Island"],
            "SC": ["South Carolina"], "SD": ["South Dakota"], "TN": ["Tennessee"], "TX": ["Texas"],
            "UT": ["Utah"], "VT": ["Vermont"], "VA": ["Virginia"], "WA": ["Washington"],
            "WV": ["West Virginia"], "WI": ["Wisconsin"], "WY": ["Wyoming"],
            "DC": ["District of Columbia", "Washington DC", "Washington D.C."],
            "PR": ["Puerto Rico"], "GU": ["Guam"], "VI": ["U.S. Virgin Islands", "Virgin Islands"],
            "AS": ["American Samoa"], "MP": ["Northern Mariana Islands"],
        ],
        .canada: [
            "AB": ["Alberta", "Alta"], "BC": ["British Columbia", "Colombie-Britannique"],
            "MB": ["Manitoba", "Man"], "NB": ["New Brunswick", "Nouveau-Brunswick"],
            "NL": ["Newfoundland and Labrador", "Newfoundland", "Terre-Neuve-et-Labrador", "Nfld"],
            "NS": ["Nova Scotia", "Nouvelle-Écosse"],
            "NT": ["Northwest Territories", "Territoires du Nord-Ouest", "NWT"], "NU": ["Nunavut"],
            "ON": ["Ontario", "Ont"], "PE": ["Prince Edward Island", "Île-du-Prince-Édouard", "PEI"],
            "QC": ["Quebec", "Québec", "Que", "PQ"], "SK": ["Saskatchewan", "Sask"],
            "YT": ["Yukon", "Yukon Territory"],
        ],
        .germany: [
            "BW": ["Baden-Württemberg"], "BY": ["Bayern", "Bavaria"], "BE": ["Berlin"],
            "BB": ["Brandenburg"], "HB": ["Bremen"], "HH": ["Hamburg"], "HE": ["Hessen", "Hesse"],
            "MV": ["Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"],
            "NI": ["Niedersachsen", "Lower Saxony"],
            "NW": ["Nordrhein-Westfalen", "North Rhine-Westphalia", "NRW"],
            "RP": ["Rheinland-Pfalz", "Rhineland-Palatinate"], "SL": ["Saarland"],
            "SN": ["Sachsen", "Saxony"], "ST": ["Sachsen-Anhalt", "Saxony-Anhalt"],
            "SH": ["Schleswig-Holstein"], "TH": ["Thüringen", "Thuringia"],
        ],
    ]
}
