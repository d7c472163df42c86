import Schema

/// The sources of the scenario: every kind a real business ingests from, three regions.
///
/// | id | kind | region | shape |
/// |---|---|---|---|
/// | `us-listings-web` | crawled site | US | HTML pages with schema.org JSON-LD |
/// | `us-agency-flat` | agency feed | US | flat JSON, `"1656 sqft"`, `"$215,000"`, `"1960-05"`, address string |
/// | `de-agency-nested` | agency feed | DE | nested JSON, `"130 m2"`, `"130.000 €"`, `"Mai 1990"`, address object |
/// | `us-county-sales` | government records | US | CSV files dropped in a folder, acres, plain numbers |
/// | `ca-land-registry` | government records | CA | XML files dropped in a folder, attributes and elements |
/// | `de-kaufpreissammlung` | government records | DE | XML files, German words and decimal commas |
/// | `us-open-data` | dataset file | US | JSON lines, nested, `"1960 May"`, `"1656 sq ft"` |
/// | `ca-mls-dataset` | dataset file | CA | CSV, quoted `"$42,000.00"`, address string |
/// | `de-immobilien-csv` | dataset file | DE | CSV with `;`, `"130,5 m²"`, `"05/1990"` |
public enum ScenarioSource: String, Sendable, CaseIterable, Codable {
    case usListingsWeb = "us-listings-web"
    case usAgencyFlat = "us-agency-flat"
    case deAgencyNested = "de-agency-nested"
    case usCountySales = "us-county-sales"
    case caLandRegistry = "ca-land-registry"
    case deKaufpreissammlung = "de-kaufpreissammlung"
    case usOpenData = "us-open-data"
    case caMLSDataset = "ca-mls-dataset"
    case deImmobilienCSV = "de-immobilien-csv"

    /// The source id, as in its ``SourceDescriptor``.
    public var id: String { rawValue }

    /// The region of its records.
    public var region: ScenarioRegion {
        switch self {
        case .usListingsWeb, .usAgencyFlat, .usCountySales, .usOpenData: .us
        case .caLandRegistry, .caMLSDataset: .ca
        case .deAgencyNested, .deKaufpreissammlung, .deImmobilienCSV: .de
        }
    }

    /// The facts its records state about a home that has them (a record may still leave one
    /// out, ``RecordNoise``). The scenario accuracy test checks this list against what the
    /// normalizer reads from every source's records.
    public var facts: Set<HomeFact> {
        switch self {
        case .usListingsWeb: [.propertyType, .coordinates, .livingArea, .rooms, .bedrooms, .bathrooms, .builtYear]
        case .usAgencyFlat, .deAgencyNested: Set(HomeFact.allCases)
        case .usCountySales: [.livingArea, .lotArea, .bedrooms, .bathrooms, .builtYear]
        case .caLandRegistry: [.lotArea, .bedrooms, .bathrooms, .garageSpaces, .heating, .cooling]
        // Its gas_heat column says only whether the heating is gas.
        case .caMLSDataset: [.lotArea, .bedrooms, .bathrooms, .garageSpaces, .cooling]
        case .deKaufpreissammlung: [.propertyType, .livingArea, .lotArea, .rooms, .builtYear, .builtMonth]
        case .usOpenData:
            [
                .propertyType, .coordinates, .livingArea, .lotArea, .rooms, .bedrooms, .bathrooms, .builtYear, .builtMonth, .heating,
                .cooling,
            ]
        case .deImmobilienCSV: [.livingArea, .lotArea, .rooms, .builtYear, .builtMonth, .heating]
        }
    }

    /// What kind of source it is.
    public var kind: SourceKind {
        switch self {
        case .usListingsWeb: .crawledSite
        case .usAgencyFlat, .deAgencyNested: .agencyFeed
        case .usCountySales, .caLandRegistry, .deKaufpreissammlung: .governmentRecords
        case .usOpenData, .caMLSDataset, .deImmobilienCSV: .datasetFile
        }
    }

    /// The text format of its records.
    public var format: RecordFormat {
        switch self {
        case .usListingsWeb: .html
        case .usAgencyFlat, .deAgencyNested, .usOpenData: .json
        case .usCountySales, .caMLSDataset, .deImmobilienCSV: .csv
        case .caLandRegistry, .deKaufpreissammlung: .xml
        }
    }

    /// Where its raw material goes inside the output folder.
    public var relativePath: String {
        switch self {
        case .usListingsWeb: "web/\(id).jsonl"
        case .usAgencyFlat, .deAgencyNested: "agencies/\(id).jsonl"
        case .usCountySales, .caLandRegistry, .deKaufpreissammlung: "government/\(id)"
        case .usOpenData: "datasets/\(id).jsonl"
        case .caMLSDataset, .deImmobilienCSV: "datasets/\(id).csv"
        }
    }

    /// The sources of `region`.
    public static func sources(of region: ScenarioRegion) -> [ScenarioSource] {
        allCases.filter { $0.region == region }
    }

    /// The record id this source gives `home`: a source-specific prefix and number, unique per
    /// source (an injective scrambling of the home index).
    public func recordId(for home: ScenarioHome) -> String {
        let salt: UInt32 =
            switch self {
            case .usListingsWeb: 0x1234_5678
            case .usAgencyFlat: 0x0BAD_F00D
            case .deAgencyNested: 0x5EED_1234
            case .usCountySales: 0x7777_0001
            case .caLandRegistry: 0x00C0_FFEE
            case .deKaufpreissammlung: 0x0DE0_0DE0
            case .usOpenData: 0x0F0F_0F0F
            case .caMLSDataset: 0x3141_5926
            case .deImmobilienCSV: 0x2718_2818
            }
        let number = String((UInt32(truncatingIfNeeded: home.index) &* 0x9E37_79B1) ^ salt)
        return
            switch self
        {
        case .usListingsWeb: "L" + number
        case .usAgencyFlat: "A-" + number
        case .deAgencyNested: "IM-" + number
        case .usCountySales: "P" + number.leftPadded(to: 10)
        case .caLandRegistry: "ON-" + number
        case .deKaufpreissammlung: "KPS-" + number
        case .usOpenData: "OD" + number
        case .caMLSDataset: "W" + number
        case .deImmobilienCSV: "DE" + number.leftPadded(to: 10)
        }
    }
}
