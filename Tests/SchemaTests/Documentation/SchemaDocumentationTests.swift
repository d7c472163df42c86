import Foundation
import Schema
import Testing

@Suite("docs/schema.md")
struct SchemaDocumentationTests {
    private let document: SchemaDocument
    private let examples: [SchemaDocument.Section]

    init() throws {
        document = try SchemaDocument.load()
        examples = document.sections.filter { $0.exampleTypeName != nil }
    }

    private func topic(named typeName: String) throws -> Topic {
        try #require(
            Topic.allCases.first { $0.messageType.typeName == typeName },
            "no message type is named \(typeName)"
        )
    }

    @Test("Every message type has exactly one example")
    func everyTypeHasOneExample() {
        let documented = examples.compactMap(\.exampleTypeName)
        #expect(documented.sorted() == Topic.allCases.map { $0.messageType.typeName }.sorted())
    }

    @Test("Every json block is introduced by an Example line")
    func everyJSONBlockIsLabelled() {
        #expect(document.unlabelledExampleLines == [])
    }

    @Test("Every example decodes into its type and re-encodes to the same JSON")
    func examplesDecodeAndReencode() throws {
        for section in examples {
            let typeName = try #require(section.exampleTypeName)
            let data = Data(try #require(section.exampleJSON).utf8)
            let message = try topic(named: typeName).decodeMessage(from: data)
            #expect(type(of: message).typeName == section.heading)
            #expect(message.schemaVersion == type(of: message).currentSchemaVersion, "\(typeName)")
            #expect(try JSONValue(encoding: message) == JSONValue(parsing: data), "\(typeName)")
        }
    }

    @Test("Every section's topic and key template match its type")
    func topicAndKeyMatch() throws {
        for section in examples {
            let typeName = try #require(section.exampleTypeName)
            let data = Data(try #require(section.exampleJSON).utf8)
            let topic = try topic(named: typeName)
            #expect(section.topicName == topic.name, "\(typeName)")
            let json = try JSONValue(parsing: data)
            let template = try #require(section.keyTemplate, "\(typeName) has no key")
            // A template is field names joined by separators: `sourceId/recordId`, `modelName#alias`.
            var expectedKey = ""
            var field = ""
            for character in template + "/" {
                if character.isLetter || character.isNumber {
                    field.append(character)
                    continue
                }
                if !field.isEmpty {
                    expectedKey += try #require(json[field]?.stringValue, "\(typeName) key field \(field) is not a string")
                    field = ""
                }
                expectedKey.append(character)
            }
            #expect(try topic.decodeMessage(from: data).key + "/" == expectedKey, "\(typeName)")
        }
    }

    @Test("The field lists cover exactly the example's fields")
    func fieldListsCoverTheExample() throws {
        for section in examples {
            let json = try JSONValue(parsing: Data(try #require(section.exampleJSON).utf8))
            #expect(Set(section.required).isDisjoint(with: section.optional), "\(section.heading)")
            #expect(Set(section.required + section.optional) == json.keys, "\(section.heading)")
        }
    }

    @Test("Removing a required field fails and removing an optional one does not")
    func requiredAndOptionalAreTrue() throws {
        for section in examples {
            let typeName = try #require(section.exampleTypeName)
            let topic = try topic(named: typeName)
            let json = try JSONValue(parsing: Data(try #require(section.exampleJSON).utf8))
            for field in section.required {
                var without = json
                without[field] = nil
                let error = try #require(throws: SchemaError.self) {
                    try topic.decodeMessage(from: without.data())
                }
                #expect(error.code == .missingField && error.fieldPath == field, "\(typeName).\(field)")
            }
            for field in section.optional {
                var without = json
                without[field] = nil
                #expect(throws: Never.self, "\(typeName).\(field)") {
                    try topic.decodeMessage(from: without.data())
                }
            }
        }
    }
}
