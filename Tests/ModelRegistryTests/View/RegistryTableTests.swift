import Foundation
import ModelRegistry
import Schema
import Testing

@Suite("Registry table")
struct RegistryTableTests {
    @Test("The text table has a header and one aligned line per version")
    func text() throws {
        let table = RegistryTable(state: try RegistryStateTests.history().state)
        let lines = table.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("MODEL         VERSION  STATE      ALIASES   MAPE    MEDIANAPE  RMSE   UPDATED"))
        #expect(lines[1].hasPrefix("homeprice-de  1        validated  champion  12.00%  9.60%      30000  2024-05-01T12:02:00Z"))
        #expect(lines[2].hasPrefix("homeprice-de  2        archived   -         10.00%"))
        #expect(lines[3].hasPrefix("homeprice-de  3        rejected   -         30.00%"))
    }

    @Test("One model's table holds only its versions")
    func oneModel() throws {
        var log = try RegistryStateTests.history()
        log.register(model: "homeprice-us")
        #expect(RegistryTable(state: log.state).rows.count == 4)
        #expect(RegistryTable(state: log.state, model: "homeprice-us").rows.map(\.version) == ["1"])
    }

    @Test("The JSON table decodes to the same rows")
    func json() throws {
        let table = RegistryTable(state: try RegistryStateTests.history().state)
        let rows = try SchemaJSON.makeDecoder().decode([RegistryTable.Row].self, from: table.json())
        #expect(rows == table.rows)
        #expect(rows.map(\.aliases) == [["champion"], [], []])
    }
}
