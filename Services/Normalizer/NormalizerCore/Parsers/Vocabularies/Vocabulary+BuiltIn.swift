import Foundation

extension Vocabulary {
    /// Heating systems in English and German. Configuration extends it with
    /// ``merging(_:)``.
    public static let heating = Vocabulary(builtIn: [
        "heatPump": [
            "heat pump", "air source heat pump", "ground source heat pump", "geothermal",
            "Wärmepumpe", "Luftwärmepumpe", "Luft-Wasser-Wärmepumpe", "Erdwärme", "Erdwärmepumpe",
        ],
        "gas": [
            "natural gas", "gas furnace", "forced air gas", "gas forced air", "Gasheizung", "Erdgas",
            "Gas-Zentralheizung", "Gastherme", "Gasbrennwert", "Gas-Brennwertheizung",
        ],
        "oil": ["heating oil", "fuel oil", "oil furnace", "Öl", "Ölheizung", "Heizöl"],
        "electric": [
            "electricity", "electric baseboard", "baseboard", "electric furnace", "elektrisch",
            "Strom", "Elektroheizung", "Nachtspeicher", "Nachtspeicherheizung",
        ],
        "districtHeating": ["district heating", "district", "Fernwärme", "Nahwärme"],
        "hotWater": [
            "hot water", "hot water boiler", "boiler", "hydronic", "radiators", "Warmwasser",
            "Warmwasserheizung",
        ],
        "wood": [
            "wood stove", "wood burning", "pellets", "pellet stove", "Holz", "Holzpellets",
            "Pelletheizung", "Kaminofen",
        ],
        "solar": ["solar thermal", "Solarthermie"],
        "propane": ["lp gas", "lpg", "Flüssiggas"],
        "none": ["no heating", "keine", "ohne", "keine Heizung"],
    ])

    /// Cooling systems in English and German. Configuration extends it with
    /// ``merging(_:)``.
    public static let cooling = Vocabulary(builtIn: [
        "centralAir": [
            "central air", "central", "central ac", "central a/c", "central air conditioning",
            "zentrale Klimaanlage",
        ],
        "airConditioning": ["air conditioning", "ac", "a/c", "Klimaanlage", "Klima"],
        "windowUnits": ["window unit", "window units", "window ac", "wall unit", "Fensterklimagerät"],
        "ductlessMiniSplit": ["ductless", "mini split", "split system", "Split-Klimaanlage"],
        "heatPump": ["heat pump", "Wärmepumpe"],
        "evaporative": ["evaporative cooler", "swamp cooler", "Verdunstungskühlung"],
        "none": ["no cooling", "no", "keine", "ohne", "nein", "keine Klimaanlage"],
    ])

    /// Yes and no in English and German, with the terms `true` and `false`.
    public static let booleans = Vocabulary(builtIn: [
        "true": ["yes", "y", "t", "1", "ja", "j", "wahr", "on", "vorhanden"],
        "false": ["no", "n", "f", "0", "nein", "falsch", "off", "nicht vorhanden"],
    ])
}
