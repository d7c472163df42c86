import Foundation

/// The parts of `docs/schema.md` that the tests check, parsed by the convention the page
/// states at its top.
struct SchemaDocument {
    /// One `### Type` section of the page.
    struct Section {
        var heading: String
        var topicName: String?
        var keyTemplate: String?
        var required: [String] = []
        var optional: [String] = []
        var exampleTypeName: String?
        var exampleJSON: String?
    }

    /// Every `### ` section, in page order.
    var sections: [Section] = []

    /// Fenced `json` blocks that do not directly follow an `Example:` line (line numbers).
    var unlabelledExampleLines: [Int] = []

    /// The page at `docs/schema.md` of the repository this test file lives in.
    static func load(testFile: String = #filePath) throws -> SchemaDocument {
        var root = URL(fileURLWithPath: testFile).resolvingSymlinksInPath()
        for _ in 0..<4 { root.deleteLastPathComponent() }  // file, Documentation, SchemaTests, Tests
        let url = root.appendingPathComponent("docs/schema.md")
        return SchemaDocument(text: try String(contentsOf: url, encoding: .utf8))
    }

    init(text: String) {
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("### ") {
                sections.append(Section(heading: String(line.dropFirst(4))))
            } else if line.hasPrefix("Topic: ") {
                let spans = Self.codeSpans(in: line)
                updateCurrentSection {
                    $0.topicName = spans.first
                    $0.keyTemplate = spans.dropFirst().first
                }
            } else if line.hasPrefix("Required: ") {
                updateCurrentSection { $0.required = Self.codeSpans(in: line) }
            } else if line.hasPrefix("Optional: ") {
                updateCurrentSection { $0.optional = Self.codeSpans(in: line) }
            } else if line.hasPrefix("Example: "), index + 1 < lines.count, lines[index + 1] == "```json" {
                var body: [String] = []
                index += 2
                while index < lines.count, lines[index] != "```" {
                    body.append(lines[index])
                    index += 1
                }
                updateCurrentSection {
                    $0.exampleTypeName = String(line.dropFirst("Example: ".count))
                    $0.exampleJSON = body.joined(separator: "\n")
                }
            } else if line == "```json" {
                unlabelledExampleLines.append(index + 1)
            }
            index += 1
        }
    }

    /// Applies `change` to the section being read; text before the first heading goes to a
    /// section with an empty heading, which no type matches.
    private mutating func updateCurrentSection(_ change: (inout Section) -> Void) {
        if sections.isEmpty { sections.append(Section(heading: "")) }
        change(&sections[sections.count - 1])
    }

    /// The contents of the `code` spans of a line, in order.
    private static func codeSpans(in line: String) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false)
            .enumerated()
            .filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }
}
