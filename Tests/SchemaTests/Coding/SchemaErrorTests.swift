import Schema
import Testing

@Suite("Schema errors")
struct SchemaErrorTests {
    @Test("The description names the code, type, field and reason")
    func descriptionNamesEverything() {
        let error = SchemaError(
            code: .missingField,
            typeName: "Home",
            fieldPath: "price.amount",
            reason: "the required field is missing"
        )
        #expect(
            error.description == "missingField in Home at price.amount: the required field is missing")
    }

    @Test("The description of a whole-message error has no field")
    func descriptionWithoutField() {
        let error = SchemaError(
            code: .invalidJSON, typeName: "Prediction", fieldPath: nil,
            reason: "the data is not valid JSON")
        #expect(error.description == "invalidJSON in Prediction: the data is not valid JSON")
    }

    @Test("Error codes are stable strings")
    func codesAreStable() {
        #expect(
            SchemaError.Code.allCases.map(\.rawValue) == [
                "invalidJSON", "missingField", "nullValue", "typeMismatch", "invalidValue",
                "unsupportedSchemaVersion", "unencodableValue",
            ]
        )
    }
}
