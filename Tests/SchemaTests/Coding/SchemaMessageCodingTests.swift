import Foundation
import Schema
import Testing

@Suite("Decoding and encoding messages")
struct SchemaMessageCodingTests {
    private func decodingError<Message: SchemaMessage>(
        _ type: Message.Type,
        from json: JSONValue
    ) throws -> SchemaError {
        try #require(throws: SchemaError.self) { try Message.decode(from: json.data()) }
    }

    @Test("A missing nested field is named by its path")
    func missingNestedFieldIsNamed() throws {
        var json = try JSONValue(encoding: Samples.home)
        json["price"]?["amount"] = nil
        let error = try decodingError(Home.self, from: json)
        #expect(error.code == .missingField)
        #expect(error.fieldPath == "price.amount")
        #expect(error.typeName == "Home")
    }

    @Test("A missing top-level field is named")
    func missingTopLevelFieldIsNamed() throws {
        var json = try JSONValue(encoding: Samples.rawRecord)
        json["fetchedAt"] = nil
        let error = try decodingError(RawRecord.self, from: json)
        #expect(error.code == .missingField)
        #expect(error.fieldPath == "fetchedAt")
    }

    @Test("A nested value of the wrong type is named by its path")
    func wrongNestedTypeIsNamed() throws {
        var json = try JSONValue(encoding: Samples.home)
        json["address"]?["postalCode"] = .number(78_704)
        let error = try decodingError(Home.self, from: json)
        #expect(error.code == .typeMismatch)
        #expect(error.fieldPath == "address.postalCode")
    }

    @Test("A null required field is named")
    func nullRequiredFieldIsNamed() throws {
        var json = try JSONValue(encoding: Samples.prediction)
        json["interval"]?["upper"] = .null
        let error = try decodingError(Prediction.self, from: json)
        #expect(error.code == .nullValue)
        #expect(error.fieldPath == "interval.upper")
    }

    @Test("An array element is named by its position")
    func arrayElementIsNamedByPosition() throws {
        var json = try JSONValue(encoding: Samples.deadLetter)
        json["reasons"] = .array([.object(["code": .string("x"), "message": .bool(false)])])
        let error = try decodingError(DeadLetter.self, from: json)
        #expect(error.fieldPath == "reasons[0].message")
    }

    @Test("A dictionary key that contains a dot is quoted in the path")
    func dottedDictionaryKeyIsQuoted() throws {
        var json = try JSONValue(encoding: Samples.sourceDescriptor)
        json["mapping"]?["address.postalCode"]?["path"] = .number(1)
        let error = try decodingError(SourceDescriptor.self, from: json)
        #expect(error.fieldPath == #"mapping["address.postalCode"].path"#)
    }

    @Test("An unknown enumeration value is an invalid value")
    func unknownEnumValueIsInvalid() throws {
        var json = try JSONValue(encoding: Samples.modelEvent)
        json["kind"] = .string("deployed")
        let error = try decodingError(ModelEvent.self, from: json)
        #expect(error.code == .invalidValue)
        #expect(error.fieldPath == "kind")
    }

    @Test("A malformed date is an invalid value")
    func malformedDateIsInvalid() throws {
        var json = try JSONValue(encoding: Samples.feedback)
        json["at"] = .string("19 July 2024")
        let error = try decodingError(Feedback.self, from: json)
        #expect(error.code == .invalidValue)
        #expect(error.fieldPath == "at")
        #expect(error.reason.contains("19 July 2024"))
    }

    @Test("A schema version newer than supported is rejected")
    func futureSchemaVersionIsRejected() throws {
        var json = try JSONValue(encoding: Samples.prediction)
        json["schemaVersion"] = .number(Double(Prediction.currentSchemaVersion + 1))
        let error = try decodingError(Prediction.self, from: json)
        #expect(error.code == .unsupportedSchemaVersion)
        #expect(error.fieldPath == "schemaVersion")
        #expect(error.typeName == "Prediction")
    }

    @Test("A newer schema version is reported even when the body no longer fits")
    func futureSchemaVersionWinsOverShapeErrors() throws {
        var json = try JSONValue(encoding: Samples.prediction)
        json["schemaVersion"] = .number(7)
        json["value"] = nil
        let error = try decodingError(Prediction.self, from: json)
        #expect(error.code == .unsupportedSchemaVersion)
        #expect(error.reason.contains("7"))
    }

    @Test("A schema version below one is rejected")
    func zeroSchemaVersionIsRejected() throws {
        var json = try JSONValue(encoding: Samples.feedback)
        json["schemaVersion"] = .number(0)
        let error = try decodingError(Feedback.self, from: json)
        #expect(error.code == .invalidValue)
        #expect(error.fieldPath == "schemaVersion")
    }

    @Test(
        "Bytes that are not JSON are reported as invalid JSON",
        arguments: [
            Data(), Data("{\"schemaVersion\": 1,".utf8), Data([0xFF, 0xFE, 0x7B]), Data("hello".utf8),
        ]
    )
    func invalidJSONIsReported(data: Data) throws {
        let error = try #require(throws: SchemaError.self) { try Home.decode(from: data) }
        #expect(error.code == .invalidJSON)
        #expect(error.fieldPath == nil)
        #expect(error.reason.hasPrefix("the data is not valid JSON"))
    }

    @Test("A body that is not an object is a type mismatch of the whole message")
    func nonObjectBodyIsATypeMismatch() throws {
        let error = try #require(throws: SchemaError.self) {
            try Home.decode(from: Data("[1, 2]".utf8))
        }
        #expect(error.code == .typeMismatch)
        #expect(error.fieldPath == nil)
    }

    @Test("A non-finite number cannot be encoded and names its field")
    func nonFiniteNumberCannotBeEncoded() throws {
        var row = Samples.featureRow
        row.features["age"] = .nan
        let error = try #require(throws: SchemaError.self) { try row.encoded() }
        #expect(error.code == .unencodableValue)
        #expect(error.fieldPath == "features.age")
        #expect(error.typeName == "FeatureRow")
    }
}
