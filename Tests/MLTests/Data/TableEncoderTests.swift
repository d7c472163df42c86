import Foundation
import Testing

@testable import ML

@Suite("Table encoder")
struct TableEncoderTests {
    let table = try! CSVTable.parse(
        Data(
            """
            price,area,kind,note
            100,50,flat,
            200,,house,x
            150,70,WD ,
            """.utf8))

    @Test("Numbers become numeric features and text becomes categorical levels, empty cells missing")
    func inference() throws {
        let data = try TableEncoder.infer(table, target: "price", options: TableOptions(emptyAs: ["note": "None"]))
        #expect(data.features.map(\.name) == ["area", "kind", "note"])
        #expect(data.features[0].kind == .numeric)
        #expect(data.features[1] == .categorical("kind", levels: ["WD ", "flat", "house"]))
        #expect(data.features[2].levels == ["None", "x"])
        #expect(data[1, 0].isNaN)
        #expect(data[2, 1] == 0)
        #expect(data.target == [100, 200, 150])
    }

    @Test("Prediction input maps unseen levels to missing and needs every model column")
    func encoding() throws {
        let features: [FeatureInfo] = [.numeric("area"), .categorical("kind", levels: ["flat", "house"])]
        let data = try TableEncoder.encode(table, features: features, options: TableOptions())
        #expect(data[2, 1].isNaN)
        #expect(data[1, 1] == 1)
        do {
            _ = try TableEncoder.encode(table, features: [.numeric("rooms")], options: TableOptions())
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingColumn)
            #expect(error.input.column == "rooms")
        }
    }

    @Test("A non-numeric target is a typed error naming the row")
    func badTarget() {
        do {
            _ = try TableEncoder.infer(table, target: "kind", options: TableOptions())
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidTarget)
            #expect(error.input.row == 0)
        }
    }
}
