import Foundation
import Markup
import TestSupport
import Testing

@Suite("Safe XML reading")
struct SafeXMLReaderTests {
    private func events(_ text: String) throws(XMLReadError) -> [XMLEvent] {
        var events: [XMLEvent] = []
        try SafeXMLReader.read(Data(text.utf8)) { events.append($0) }
        return events
    }

    private func error(_ text: String) -> XMLReadError? {
        do {
            _ = try events(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("reads elements, attributes in order, CDATA and predefined references, and writes them back escaped")
    func readsAndWritesBack() throws {
        let root = try XMLTreeElement(
            document: Data(
                "<?xml version=\"1.0\"?>\n<Sale id=\"7\" b=\"x&amp;y\"><Price>1 &lt; 2</Price><![CDATA[a&b]]><Empty/></Sale>".utf8))
        #expect(root.attributes.map(\.name) == ["id", "b"])
        #expect(root.attribute("b") == "x&y")
        #expect(root.elements.map(\.name) == ["Price", "Empty"])
        #expect(root.text == "1 < 2a&b")
        #expect(root.line == 2)
        #expect(root.xmlString == "<Sale id=\"7\" b=\"x&amp;y\"><Price>1 &lt; 2</Price>a&amp;b<Empty></Empty></Sale>")
        #expect(try XMLTreeElement(document: Data(root.xmlString.utf8)) == XMLTreeElement(document: Data(root.xmlString.utf8)))
    }

    @Test("a file entity is never expanded: the document is refused at its DTD")
    func fileEntityRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<r><a>&x;</a></r>"
        var seen: [XMLEvent] = []
        #expect(throws: XMLReadError.self) { try SafeXMLReader.read(Data(document.utf8)) { seen.append($0) } }
        #expect(seen.isEmpty, "nothing of the document is delivered")
        #expect(error(document)?.code == .documentTypeRefused)
        #expect(error(document)?.description.contains("TOP-SECRET") == false)
    }

    @Test("an http entity or external DTD makes no request")
    func httpEntityMakesNoRequest() throws {
        let trap = try ConnectionTrap()
        let documents = [
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"\(trap.url("entity"))\">]><r>&x;</r>",
            "<!DOCTYPE r SYSTEM \"\(trap.url("external.dtd"))\"><r/>",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"\(trap.url("parameter"))\"> %p;]><r/>",
            "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(trap.url("include"))\"/></r>",
        ]
        for document in documents { _ = error(document) }
        #expect(trap.connections() == 0)
        #expect(error(documents[0])?.code == .documentTypeRefused)
        #expect(error(documents[3]) == nil, "an XInclude element is plain data, never processed")
    }

    @Test("an exponential entity (billion laughs) is refused at once")
    func billionLaughs() {
        var document = "<!DOCTYPE r [<!ENTITY l0 \"ha\">"
        for level in 1...30 { document += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        document += "]><r>&l30;</r>"
        #expect(error(document)?.code == .documentTypeRefused)
    }

    @Test("empty and blank documents are a clear error, checked before libxml2 sees them")
    func emptyDocuments() {
        for text in ["", "   \n\t "] {
            #expect(error(text)?.code == .empty)
            #expect(error(text)?.reason == "the XML document is empty")
        }
    }

    @Test("a cut document delivers its complete elements, then names the open one and the position")
    func cutDocument() {
        var events: [XMLEvent] = []
        let text = "<Sales>\n<Sale id=\"1\"><P>1</P></Sale>\n<Sale id=\"2\"><P>2</P></Sale>\n<Sale id=\"3\"><P>3"
        #expect(throws: XMLReadError.self) { try SafeXMLReader.read(Data(text.utf8)) { events.append($0) } }
        #expect(events.filter { if case .end("Sale") = $0 { true } else { false } }.count == 2)
        let failure = error(text)
        #expect(failure?.code == .truncated)
        #expect(failure?.line == 4)
        #expect(failure?.reason.contains("<P> opened at line 4 is still open") == true)
    }

    @Test("bytes that are not UTF-8, and mismatched tags, are errors naming the line")
    func malformedDocuments() {
        var bytes = Data("<r>\n<a>ok</a>\n<b>".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data("</b></r>".utf8))
        var failure: XMLReadError?
        do { try SafeXMLReader.read(bytes) { _ in } } catch { failure = error }
        #expect(failure?.line == 3)
        #expect(error("<r><a></b></r>")?.code == .notWellFormed)
        #expect(error("<r><a>text")?.code == .truncated)
        #expect(error("<r/><second/>")?.code == .notWellFormed)
        #expect(error("just text")?.code == .notWellFormed)
    }
}
