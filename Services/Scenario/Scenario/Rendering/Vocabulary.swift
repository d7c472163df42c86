import Schema

/// How each source names property types and heating systems.
enum Vocabulary {
    static func englishType(_ type: PropertyType) -> String {
        switch type {
        case .house: "Single Family"
        case .apartment: "Apartment"
        case .condo: "Condo"
        case .semiDetached: "Semi-Detached"
        case .townhouse: "Townhouse"
        case .multiFamily: "Multi-Family"
        case .land: "Land"
        case .other: "Other"
        }
    }

    static func germanType(_ type: PropertyType) -> String {
        switch type {
        case .house: "Einfamilienhaus"
        case .apartment, .condo: "Wohnung"
        case .semiDetached: "Doppelhaushälfte"
        case .townhouse: "Reihenhaus"
        case .multiFamily: "Mehrfamilienhaus"
        case .land: "Grundstück"
        case .other: "Sonstiges"
        }
    }

    static func englishHeating(_ heating: String) -> String {
        switch heating {
        case "gas": "Gas Forced Air"
        case "electric": "Electric"
        case "oil": "Oil"
        case "hotWater": "Hot Water"
        case "heatPump": "Heat Pump"
        case "district": "District"
        default: heating
        }
    }

    static func germanHeating(_ heating: String) -> String {
        switch heating {
        case "gas": "Gasheizung"
        case "electric": "Elektroheizung"
        case "oil": "Ölheizung"
        case "hotWater": "Warmwasser"
        case "heatPump": "Wärmepumpe"
        case "district": "Fernwärme"
        default: heating
        }
    }
}
