import Foundation
import Testing

@testable import ML

@Suite("CSV table")
struct CSVTableTests {
    @Test("Fields keep their spaces, quotes and embedded commas")
    func quoting() throws {
        let table = try CSVTable.parse(Data("a,b,c\r\n\"x, y\",WD ,\"say \"\"hi\"\"\"\r\n1,,3\n".utf8))
        #expect(table.header == ["a", "b", "c"])
        #expect(table.columns[0] == ["x, y", "1"])
        #expect(table.columns[1] == ["WD ", ""])
        #expect(table.columns[2] == ["say \"hi\"", "3"])
    }

    @Test("A ragged record is a typed error naming the row")
    func ragged() {
        #expect(throws: MLError.self) { try CSVTable.parse(Data("a,b\n1,2\n3\n".utf8)) }
        do {
            _ = try CSVTable.parse(Data("a,b\n1,2\n3\n".utf8))
        } catch {
            #expect(error.code == .malformedCSV)
            #expect(error.input.row == 1)
        }
    }

    @Test("An empty file is a typed error")
    func empty() {
        #expect(throws: MLError.self) { try CSVTable.parse(Data()) }
    }
}
