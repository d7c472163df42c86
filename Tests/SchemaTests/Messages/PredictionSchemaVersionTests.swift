import Foundation
import Schema
import Testing

@Suite("Prediction schema versions")
struct PredictionSchemaVersionTests {
    /// A prediction exactly as a version-1 server wrote it.
    static let versionOne = """
        {"arm":"A","currency":"USD","interval":{"confidence":0.9,"lower":555000,"upper":642000},
         "modelName":"homeprice-us","modelVersion":"3","predictedAt":"2024-05-04T15:20:00.042Z",
         "predictionId":"pred-1","region":"US","requestId":"req-1","schemaVersion":1,"value":598500}
        """

    @Test("a version-1 prediction still decodes, its A/B arm unchanged and no experiment named")
    func versionOneDecodes() throws {
        let prediction = try Prediction.decode(from: Data(Self.versionOne.utf8))
        #expect(prediction.schemaVersion == 1)
        #expect(prediction.arm == .a)
        #expect(prediction.experimentId == nil)
        #expect(prediction.value == 598_500)
    }

    @Test("every arm of version 2 survives a round trip with its experiment id", arguments: ExperimentArm.allCases)
    func versionTwoArmsRoundTrip(arm: ExperimentArm) throws {
        var prediction = try Prediction.decode(from: Data(Self.versionOne.utf8))
        prediction.schemaVersion = Prediction.currentSchemaVersion
        prediction.arm = arm
        prediction.experimentId = "us-ab"
        #expect(try Prediction.decode(from: try prediction.encoded()) == prediction)
    }

    @Test("the arms keep the raw values version-1 readers and the monitor know")
    func rawValues() {
        #expect(ExperimentArm.a.rawValue == "A" && ExperimentArm.b.rawValue == "B")
        #expect(ExperimentArm.shadow.rawValue == "shadow" && ExperimentArm.defaultRoute.rawValue == "default")
    }
}
