import Foundation

extension ScenarioSource {
    /// The raw material of `home` in this source: a JSON line, a CSV row, an XML element, or
    /// (for the website) the ``WebListing`` the site renders.
    func render(_ home: ScenarioHome, recordId: String, noise: inout RecordNoise) -> String {
        switch self {
        case .usListingsWeb:
            Self.lineEncoder.encodeLine(
                WebListing(listingId: recordId, home: home, askingPrice: home.askingPrice(random: &noise.random)))
        case .usAgencyFlat: USAgencyFlatRenderer.render(home, recordId: recordId, noise: &noise)
        case .deAgencyNested: GermanAgencyNestedRenderer.render(home, recordId: recordId, noise: &noise)
        case .usCountySales: USCountySalesRenderer.render(home, recordId: recordId, noise: &noise)
        case .caLandRegistry: CanadianLandRegistryRenderer.render(home, recordId: recordId, noise: &noise)
        case .deKaufpreissammlung: GermanKaufpreisRenderer.render(home, recordId: recordId, noise: &noise)
        case .usOpenData: USOpenDataRenderer.render(home, recordId: recordId, noise: &noise)
        case .caMLSDataset: CanadianMLSRenderer.render(home, recordId: recordId, noise: &noise)
        case .deImmobilienCSV: GermanImmobilienCSVRenderer.render(home, recordId: recordId, noise: &noise)
        }
    }

    /// The text a file of this source starts with (a CSV header line, an XML prolog and root).
    var fileHeader: String? {
        switch self {
        case .usCountySales: USCountySalesRenderer.header + "\n"
        case .caMLSDataset: CanadianMLSRenderer.header + "\n"
        case .deImmobilienCSV: GermanImmobilienCSVRenderer.header + "\n"
        case .caLandRegistry: CanadianLandRegistryRenderer.header
        case .deKaufpreissammlung: GermanKaufpreisRenderer.header
        case .usListingsWeb, .usAgencyFlat, .deAgencyNested, .usOpenData: nil
        }
    }

    /// The text a file of this source ends with (an XML root's end tag).
    var fileFooter: String? {
        switch self {
        case .caLandRegistry: CanadianLandRegistryRenderer.footer
        case .deKaufpreissammlung: GermanKaufpreisRenderer.footer
        default: nil
        }
    }

    /// The file name extension of its files.
    var fileExtension: String {
        switch format {
        case .csv: "csv"
        case .xml: "xml"
        case .json, .html: "jsonl"
        }
    }

    /// Whether its records are split over numbered files dropped into a folder.
    var isDropFolder: Bool { kind == .governmentRecords }

    private static let lineEncoder = LineEncoder()
}
