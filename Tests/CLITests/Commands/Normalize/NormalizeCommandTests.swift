import Foundation
import Schema
import TestSupport
import Testing

@Suite("homeprice normalize: dry runs over the files of several sources")
struct NormalizeCommandTests {
    /// A county register as its office exports it: CRLF line ends, upper-case addresses (the
    /// rows of configs/sources/us-county-sales.yaml's example), one row without a city.
    static let register =
        "PARCEL_ID,SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,YEAR_BUILT,LIVING_SQFT,LOT_ACRES,BEDROOMS,FULL_BATHS,HALF_BATHS\r\n"
        + "P2483067665,115 WOODLAND ST,AMES,IA,50014,195500,1998,1604,0.22,3,2,1\r\n"
        + "P0903226080,3014 STANGE RD,,IA,50010,172000,1976,1248,0.19,3,1,0\r\n"

    /// The agency's listing of the register's first home.
    static let listing =
        #"{"listingId":"L-115","address":"115 Woodland St, Ames, IA 50014","price":"$199,900","sqft":"1604 sqft","built":"1998-06","beds":3,"baths":2,"type":"Single Family"}"#
        + "\n"

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normalize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    private static func lines(_ output: [String]) throws -> [[String: Any]] {
        try output.filter { !$0.isEmpty }.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test("a CRLF register and an agency file resolve across sources in one run, under the records' native ids")
    func crossSourceResolution() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Self.write(Self.register, "sales.csv", in: folder)
        let listing = try Self.write(Self.listing, "listings.json", in: folder)

        let run = try await HomepriceProcess.run([
            "normalize", "--resolve", "--source", "us-county-sales", register, "--source", "us-agency-flat", listing,
        ])
        #expect(run.status == 1, "the row without a city is an error: \(run.errors)")
        let lines = try Self.lines(run.output)
        let clusters = lines.compactMap { $0["records"] as? [String] }
        #expect(clusters.contains { Set($0) == ["us-county-sales/P2483067665", "us-agency-flat/L-115"] }, "\(clusters)")
        let errors = lines.filter { $0["errors"] != nil }
        #expect(errors.map { $0["record"] as? String } == ["us-county-sales/P0903226080"])

        let single = try await HomepriceProcess.run(["normalize", "--source", "us-county-sales", register])
        let homes = try Self.lines(single.output).compactMap { $0["record"] as? String }
        #expect(homes == ["us-county-sales/P2483067665", "us-county-sales/P0903226080"], "CRLF rows are records")
    }

    @Test("--summary counts records by source, outcomes, and errors by field and code, reading failures included")
    func summary() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Self.write(Self.register, "sales.csv", in: folder)
        let empty = try Self.write(" \r\n", "empty.csv", in: folder)
        let listing = try Self.write(Self.listing + "{\"listingId\": \"L-9\", \"address\": \"M\u{FC}nchen\"\n", "listings.json", in: folder)

        let run = try await HomepriceProcess.run([
            "normalize", "--summary", "--source", "us-county-sales", register, empty, "--source", "us-agency-flat", listing,
        ])
        #expect(run.status == 1)
        #expect(
            run.output.filter { !$0.isEmpty } == [
                "records: 5", "source us-county-sales: 3", "source us-agency-flat: 2", "outcome home: 2", "outcome error: 3",
                "error field (record): 2", "error field address.city: 1", "error code ingestion.emptyFile: 1",
                "error code ingestion.invalidJSON: 1", "error code normalizer.missingField: 1",
            ], "\(run.output) \(run.errors)")
    }

    @Test("each group keeps its own mapping file, from anywhere; one source with two mappings is refused")
    func mappingsPerGroup() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = try Self.write(Self.register, "sales.csv", in: folder)
        let listing = try Self.write(Self.listing, "listings.json", in: folder)
        let configured = try String(
            contentsOf: TestProject.layout.configs.appendingPathComponent("sources/us-county-sales.yaml"), encoding: .utf8)
        let mapping = try Self.write(
            configured.replacingOccurrences(of: "path: SALE_PRICE", with: "path: LIVING_SQFT"), "mine.yaml",
            in: folder)

        let run = try await HomepriceProcess.run([
            "normalize", "--source", "us-county-sales:\(mapping)", register, "--source", "us-agency-flat", listing,
        ])
        let prices = try Self.lines(run.output).compactMap { line -> Double? in
            (((line["home"] as? [String: Any])?["price"] as? [String: Any])?["amount"] as? NSNumber)?.doubleValue
        }
        #expect(prices == [1604, 199_900], "the own mapping for the register only: \(run.output) \(run.errors)")

        let twice = try await HomepriceProcess.run([
            "normalize", "--source", "us-county-sales:\(mapping)", register, "--source", "us-county-sales", register,
        ])
        #expect(twice.status != 0)
        #expect(twice.errors.contains("given with different mappings"))
        let orphan = try await HomepriceProcess.run(["normalize", register, "--source", "us-county-sales", register])
        #expect(orphan.status != 0 && orphan.errors.contains("comes before any --source"))
    }
}
