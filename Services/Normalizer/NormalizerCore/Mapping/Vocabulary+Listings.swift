extension Vocabulary {
    /// Kinds of property in English and German; the terms are ``Schema/PropertyType`` raw values.
    static let propertyTypes = Vocabulary(builtIn: [
        "house": [
            "single family", "single family home", "single-family residence", "detached",
            "one family", "onefam", "Einfamilienhaus", "Haus", "freistehendes Einfamilienhaus",
        ],
        "semiDetached": ["semi-detached", "semi detached", "semi", "duplex half", "Doppelhaushälfte", "Doppelhaus"],
        "condo": ["condo", "condominium", "condo apartment", "co-op", "coop"],
        "apartment": ["apartment", "flat", "unit", "Wohnung", "Eigentumswohnung", "Etagenwohnung"],
        "townhouse": ["town house", "row house", "rowhouse", "townhome", "Reihenhaus", "Reihenmittelhaus"],
        "multiFamily": ["multi family", "duplex", "triplex", "fourplex", "Mehrfamilienhaus", "Zweifamilienhaus"],
        "land": ["lot", "vacant land", "plot", "Grundstück", "Baugrundstück"],
        "other": ["mobile home", "farm", "mixed use", "Bauernhof", "Sonstiges"],
    ])

    /// What a price stands for; the terms are ``Schema/PriceKind`` raw values.
    static let priceKinds = Vocabulary(builtIn: [
        "asking": ["list price", "listing", "for sale", "asking price", "Angebotspreis", "Kaufpreis"],
        "sold": ["sale", "sale price", "sold price", "closed", "Verkaufspreis", "verkauft"],
        "assessed": ["assessment", "appraised", "tax value", "Einheitswert", "Verkehrswert"],
    ])
}
