import Foundation
import Scenario
import Schema
import ServiceSupport
import Sources

/// The raw records of a generated scenario folder, as the pipeline's producers publish them.
///
/// Files are split with the source producers' own readers (so payloads are byte for byte what
/// `homes.raw` carries: a JSON line, a CSV header plus row, an XML record element); the
/// website's listings are rendered by the scenario site and their schema.org JSON-LD block is
/// taken, as the crawler does.
public enum ScenarioRecords {
    /// Every source's records, source by source in ``Scenario/ScenarioSource`` order, file order
    /// within a source, all stamped `fetchedAt`.
    /// - Throws: ``EvaluationError`` naming the file that cannot be read or the record that
    ///   cannot be split.
    public static func load(folder: URL, fetchedAt: Date) throws(EvaluationError) -> [RawRecord] {
        var records: [RawRecord] = []
        for source in ScenarioSource.allCases {
            records += try load(source, folder: folder, fetchedAt: fetchedAt)
        }
        return records
    }

    /// One source's records.
    /// - Throws: ``EvaluationError``.
    public static func load(_ source: ScenarioSource, folder: URL, fetchedAt: Date) throws(EvaluationError) -> [RawRecord] {
        let location = folder.appendingPathComponent(source.relativePath)
        if source == .usListingsWeb {
            return try webRecords(file: location, fetchedAt: fetchedAt)
        }
        var records: [RawRecord] = []
        for file in try files(at: location) {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw EvaluationError(reason: "cannot read the file", input: file.path)
            }
            for outcome in reader(of: source)(data, file.lastPathComponent) {
                switch outcome {
                case .record(let record):
                    records.append(
                        RawRecord(
                            sourceId: source.id, recordId: record.recordId, region: source.region.rawValue, fetchedAt: fetchedAt,
                            contentType: contentType(of: source.format), payload: record.payload))
                case .failure(let failure):
                    throw EvaluationError(reason: "the scenario file has a bad record: \(failure.message)", input: failure.location)
                }
            }
        }
        return records
    }

    private static func reader(of source: ScenarioSource) -> (Data, String) -> [ParseOutcome] {
        switch source {
        case .usAgencyFlat: JSONLinesReader(recordIdPath: "listingId").read
        case .deAgencyNested: JSONLinesReader(recordIdPath: "objekt.nummer").read
        case .usOpenData: JSONLinesReader(recordIdPath: "id").read
        case .usCountySales: CSVRecordReader(recordIdColumn: "PARCEL_ID").read
        case .caMLSDataset: CSVRecordReader(recordIdColumn: "mls_number").read
        case .deImmobilienCSV: CSVRecordReader(delimiter: ";", recordIdColumn: "Objekt-Nr").read
        case .caLandRegistry: XMLRecordReader(recordElement: "Sale", recordIdPath: "@id").read
        case .deKaufpreissammlung: XMLRecordReader(recordElement: "Vertrag", recordIdPath: "@nr").read
        case .usListingsWeb: { _, _ in [] }
        }
    }

    private static func files(at location: URL) throws(EvaluationError) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder) else {
            throw EvaluationError(reason: "the scenario has no such file", input: location.path)
        }
        guard isFolder.boolValue else { return [location] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: location.path).sorted().map {
                location.appendingPathComponent($0)
            }
        } catch {
            throw EvaluationError(reason: "cannot list the folder", input: location.path)
        }
    }

    private static func webRecords(file: URL, fetchedAt: Date) throws(EvaluationError) -> [RawRecord] {
        let site: ListingSite
        do {
            site = try ListingSite(contentsOf: file, configuration: .init(faultsEnabled: false))
        } catch {
            throw EvaluationError(reason: "cannot read the website's listings: \(error)", input: file.path)
        }
        return try site.listings.map { listing throws(EvaluationError) in
            let response = site.handle(
                HTTPRequest(method: "GET", target: "/listing/\(listing.listingId)"), baseURL: "http://listings.scenario")
            let page = String(decoding: response.body, as: UTF8.self)
            guard let start = page.range(of: "<script type=\"application/ld+json\">"),
                let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex)
            else {
                throw EvaluationError(reason: "the listing page has no JSON-LD block", input: "/listing/\(listing.listingId)")
            }
            return RawRecord(
                sourceId: ScenarioSource.usListingsWeb.id, recordId: listing.listingId, region: listing.home.region.rawValue,
                fetchedAt: fetchedAt, contentType: "application/ld+json", payload: String(page[start.upperBound..<end.lowerBound]),
                url: URL(string: "http://listings.scenario/listing/\(listing.listingId)"))
        }
    }

    private static func contentType(of format: RecordFormat) -> String {
        switch format {
        case .csv: "text/csv"
        case .xml: "application/xml"
        case .json: "application/json"
        case .html: "text/html"
        }
    }
}
