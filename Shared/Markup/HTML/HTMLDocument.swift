import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// An HTML page parsed with libxml2's forgiving HTML parser, queried with XPath.
///
/// The parser runs with `RECOVER | NOERROR | NOWARNING | NONET`: broken markup (unclosed or
/// stray tags, a missing `</body>`) still yields a tree and prints nothing. HTML has no external
/// entities; XML goes through ``SafeXMLReader`` instead.
public final class HTMLDocument {
    private let document: htmlDocPtr?

    /// Parses `html`; `url` is the page's address (for libxml2's base URL only).
    public init(html: String, url: String) {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        var bytes = Array(html.utf8)
        document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), url, "UTF-8", options)
                }
            } ?? nil
        }
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// Why `xpath` cannot be evaluated (a syntax error, an unknown function), or `nil` when it
    /// can; checked against an empty page so a configuration is refused at load instead of
    /// every page yielding nothing.
    public static func xpathError(_ xpath: String) -> String? {
        let probe = HTMLDocument(html: "<html><body></body></html>", url: "about:blank")
        guard let document = probe.document, let context = xmlXPathNewContext(document) else {
            return "libxml2 cannot create an XPath context"
        }
        defer { xmlXPathFreeContext(context) }
        // Errors are reported through the result, not printed.
        context.pointee.error = { _, _ in }
        let result = xpath.withCString { expression in
            expression.withMemoryRebound(to: xmlChar.self, capacity: xpath.utf8.count + 1) {
                xmlXPathEvalExpression($0, context)
            }
        }
        guard let result else {
            let message = context.pointee.lastError.message.flatMap { String(cString: $0).split(separator: "\n").first }
            return message.map { "not a valid XPath expression: \($0)" } ?? "not a valid XPath expression"
        }
        xmlXPathFreeObject(result)
        return nil
    }

    /// The text content of every node `xpath` selects (attribute values for attribute steps),
    /// in document order; empty when nothing matches or the expression is invalid.
    public func strings(_ xpath: String) -> [String] {
        guard let document, let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard
            let result = xpath.withCString({ expression in
                expression.withMemoryRebound(to: xmlChar.self, capacity: xpath.utf8.count + 1) {
                    xmlXPathEvalExpression($0, context)
                }
            })
        else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0, let table = nodes.pointee.nodeTab else {
            return []
        }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
            guard let node = table[index], let content = xmlNodeGetContent(node) else { return nil }
            // libxml2's xmlFree is `free` unless an application installs its own allocator,
            // which this process never does; the global function pointer is not concurrency-safe.
            defer { free(content) }
            return String(cString: content)
        }
    }
}
