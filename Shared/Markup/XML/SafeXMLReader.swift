import CLibXML2
import Foundation

/// The one XML parser of HomePrice: libxml2's streaming reader, locked down for input nobody
/// vouches for (records from sources, files dropped into folders, payloads on `homes.raw`).
///
/// - **No DTD processing.** The prolog (everything before the root element) is checked before
///   libxml2 sees the document: it may hold the XML declaration, comments, processing
///   instructions and whitespace, nothing else. A `<!DOCTYPE …>` is refused there, so no entity
///   it declares (`file://`, `http://`, or the exponential "billion laughs" kind) is ever
///   parsed, expanded or fetched.
/// - **UTF-8 only.** The document is read as UTF-8 whatever its declaration says, so the
///   prolog check and libxml2 see the same characters; other bytes are a well-formedness error
///   naming the line.
/// - **No network, no external entities.** The parser runs with `XML_PARSE_NONET` and without
///   `NOENT`/`DTDLOAD`/`XINCLUDE`, so nothing outside the bytes given is loaded.
/// - **No recovery.** A document that is not well-formed, or ends while elements are open (a
///   cut file), is an error naming the line and column; events before the error have been
///   delivered, so a reader of repeated records keeps the complete ones.
/// - **Checked before libxml2 sees it.** Empty input and input too large for libxml2's `int`
///   length are refused up front.
///
/// Foundation's `XMLDocument` and `XMLParser` are not used anywhere: on Linux they substitute
/// entities (`XML_PARSE_NOENT`), recover from errors, and crash on an empty string.
public enum SafeXMLReader {
    /// Reads `data` and hands every event to `handle`, in document order.
    /// - Throws: ``XMLReadError`` when the document is empty, declares a DTD, is not
    ///   well-formed or is cut; the events before the failure have been handled.
    public static func read(_ data: Data, _ handle: (XMLEvent) -> Void) throws(XMLReadError) {
        guard data.contains(where: { !isBlank($0) }) else {
            throw XMLReadError(.empty, reason: "the XML document is empty")
        }
        guard data.count < Int(Int32.max) else {
            throw XMLReadError(.tooLarge, reason: "the XML document has \(data.count) bytes, more than 2 GiB")
        }
        _ = libraryInitialized
        let result: Result<Void, XMLReadError> = data.withUnsafeBytes { bytes in
            if let refusal = prologRefusal(bytes) { return .failure(refusal) }
            let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(bytes.count), nil, "UTF-8", options) else {
                return .failure(XMLReadError(.notWellFormed, reason: "libxml2 could not start reading the document"))
            }
            defer { xmlFreeTextReader(reader) }
            let errors = ErrorCollector()
            let context = Unmanaged.passUnretained(errors).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(reader, collectError, context)
            return withExtendedLifetime(errors) { readEvents(reader, errors: errors, handle) }
        }
        try result.get()
    }

    /// `NONET`, `IGNORE_ENC` (UTF-8 whatever the declaration says) and `BIG_LINES` (line numbers
    /// past 65,535); no `NOENT`, `DTDLOAD`, `DTDATTR`, `XINCLUDE` or `RECOVER`.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Why the prolog of `bytes` is refused: a `<!…>` declaration (a DTD) before the root
    /// element. `nil` when the prolog holds only the XML declaration, comments, processing
    /// instructions and whitespace (malformed ones are left to libxml2 to report).
    private static func prologRefusal(_ bytes: UnsafeRawBufferPointer) -> XMLReadError? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        func starts(_ text: String) -> Bool { bytes[index...].starts(with: text.utf8) }
        func skip(past end: String) -> Bool {
            let terminator = Array(end.utf8)
            while index < bytes.count {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index...].starts(with: terminator) {
                    index += terminator.count
                    return true
                }
                index += 1
            }
            return false
        }
        while index < bytes.count {
            if isBlank(bytes[index]) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            } else if starts("<?") {
                guard skip(past: "?>") else { return nil }
            } else if starts("<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts("<!") {
                return XMLReadError(
                    .documentTypeRefused, reason: "the document declares a DTD (<!DOCTYPE>), which is never processed", line: line)
            } else {
                return nil
            }
        }
        return nil
    }

    /// libxml2 must be initialised once before threads use it.
    private static let libraryInitialized: Void = xmlInitParser()

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func readEvents(
        _ reader: xmlTextReaderPtr, errors: ErrorCollector, _ handle: (XMLEvent) -> Void
    ) -> Result<Void, XMLReadError> {
        var open: [(name: String, line: Int)] = []
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 {
                let line = errors.line ?? Int(xmlTextReaderGetParserLineNumber(reader))
                let column = errors.column ?? Int(xmlTextReaderGetParserColumnNumber(reader))
                let detail = errors.message ?? "libxml2 stopped reading"
                if let element = open.last, errors.isEndOfInput {
                    return .failure(
                        XMLReadError(
                            .truncated, reason: "the document ends while <\(element.name)> opened at line \(element.line) is still open",
                            line: line, column: column))
                }
                return .failure(XMLReadError(.notWellFormed, reason: excerpt(detail), line: line, column: column))
            }
            let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
            switch UInt32(xmlTextReaderNodeType(reader)) {
            case XML_READER_TYPE_DOCUMENT_TYPE.rawValue:
                return .failure(
                    XMLReadError(
                        .documentTypeRefused, reason: "the document declares a DTD (<!DOCTYPE>), which is never processed",
                        line: max(1, line)))
            case XML_READER_TYPE_ELEMENT.rawValue:
                let name = string(xmlTextReaderConstName(reader))
                let event = XMLEvent.start(name: name, attributes: attributes(reader), line: line)
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                handle(event)
                if isEmpty { handle(.end(name: name)) } else { open.append((name, line)) }
            case XML_READER_TYPE_END_ELEMENT.rawValue:
                let name = open.popLast()?.name ?? string(xmlTextReaderConstName(reader))
                handle(.end(name: name))
            case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue, XML_READER_TYPE_WHITESPACE.rawValue,
                XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
                handle(.text(string(xmlTextReaderConstValue(reader))))
            case XML_READER_TYPE_ENTITY_REFERENCE.rawValue:
                return .failure(
                    XMLReadError(
                        .notWellFormed, reason: "the entity reference &\(string(xmlTextReaderConstName(reader))); is not resolved",
                        line: line))
            default:
                continue  // comments, processing instructions, the XML declaration
            }
        }
        if let element = open.last {
            return .failure(XMLReadError(.truncated, reason: "the document ends inside <\(element.name)> opened at line \(element.line)"))
        }
        return .success(())
    }

    private static func attributes(_ reader: xmlTextReaderPtr) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            attributes.append(XMLAttribute(name: string(xmlTextReaderConstName(reader)), value: string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    /// libxml2's message, which can quote names from the input, cut to a few hundred characters.
    private static func excerpt(_ message: String) -> String {
        message.count <= 300 ? message : "\(message.prefix(300))…"
    }

    private static func string(_ text: UnsafePointer<xmlChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }
}

/// Keeps the first error libxml2 reports while reading one document.
private final class ErrorCollector {
    var message: String?
    var line: Int?
    var column: Int?
    /// Whether the error is libxml2's way of saying the input stopped too early ("Premature
    /// end of data", or the reader's "Extra content at the end of the document" at a cut).
    var isEndOfInput = false

    func record(_ error: xmlError) {
        guard message == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        isEndOfInput = [XML_ERR_DOCUMENT_END, XML_ERR_TAG_NOT_FINISHED].map { Int32($0.rawValue) }.contains(error.code)
        message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
        line = error.line > 0 ? Int(error.line) : nil
        column = error.int2 > 0 ? Int(error.int2) : nil
    }
}

/// libxml2's structured error callback: forwards to the ``ErrorCollector`` in `context`.
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}
