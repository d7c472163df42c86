import Foundation
import Kafka
import Pipeline
import Schema
import ServerCore
import Testing

@Suite("Kafka path: predictions.requests")
struct PredictionRequestHandlerTests {
    @Test("a request holding a value no home can have fails naming the field, as over HTTP; the others are answered")
    func impossibleValues() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let catalog = try await fixture.servingCatalog()
        let handler = PredictionRequestHandler(
            predictor: Predictor(configuration: fixture.configuration), catalog: catalog,
            experiments: ExperimentTable(fixture.configuration.experiments))
        let home = try ServerFixture.requestHomes(count: 1)[0]
        var negative = home
        negative.livingArea = -5
        var month = home
        month.builtMonth = 13
        var latitude = home
        latitude.coordinates = Coordinates(latitude: 500, longitude: 0)
        let messages = try [home, negative, month, latitude].enumerated().map { index, features in
            let request = PredictionRequest(requestId: "k-\(index)", clientId: "c", features: features, requestedAt: Date())
            return KafkaConsumerMessage(
                topic: Topic.predictionRequests.name, partition: 0, offset: Int64(index), key: Array(request.requestId.utf8),
                value: Array(try request.encoded()), headers: [], timestamp: nil)
        }
        let outcomes = try await handler.handle(messages)
        #expect(!outcomes[0].isFailure && outcomes[0].outputs.contains { ($0 as? Prediction)?.predictionId == "k-0" })
        #expect(
            outcomes.dropFirst().map { $0.failures.first?.field } == ["features.livingArea", "features.builtMonth", "features.coordinates"])
    }
}
