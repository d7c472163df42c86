import Foundation
import Schema
import Testing

@Suite("Message keys")
struct MessageKeyTests {
    @Test("A raw record is keyed by source and record id")
    func rawRecordKeyJoinsSourceAndRecord() {
        #expect(Samples.rawRecord.key == "us-listings-crawl/z-48213")
    }

    @Test("Each message is keyed by the id the topic table names")
    func keysFollowTheTopicTable() {
        #expect(Samples.sourceDescriptor.key == "de-kaufpreissammlung-by")
        #expect(Samples.home.key == "home-us-7f3a9c")
        #expect(Samples.featureRow.key == Samples.featureRow.homeId)
        #expect(Samples.deadLetter.key == "us-listings-crawl/z-48214")
        #expect(Samples.modelEvent.key == "price-us#champion")
        #expect(Samples.predictionRequest.key == "req-9b1e2c")
        #expect(Samples.prediction.key == "pred-51c7d0")
        #expect(Samples.feedback.key == "pred-51c7d0")
        #expect(Samples.monitoringEvent.key == "trainer")
        #expect(Samples.controlCommand.key == "source/us-listings-crawl")
        #expect(Samples.reviewTask.key == "review-0193")
    }

    @Test("A version's lifecycle is keyed by version and an alias move by alias, so compaction keeps both")
    func modelEventsKeepEveryVersionUnderCompaction() {
        var registered = Samples.modelEvent
        registered.kind = .registered
        registered.alias = nil
        #expect(registered.key == "price-us@2024.18.1")
        var next = registered
        next.version = "2024.19.1"
        #expect(next.key != registered.key)
    }

    @Test("A version 1 feature row decodes without its US-dollar target")
    func versionOneFeatureRowsDropTheirTarget() throws {
        let json =
            #"{"schemaVersion":1,"homeId":"h1","region":"DE","featureSchemaVersion":1,"features":{"a":1},"#
            + #""target":300000,"computedAt":"2024-05-01T12:00:00.000Z"}"#
        let row = try FeatureRow.decode(from: Data(json.utf8))
        #expect(row.target == nil)
        #expect(row.categorical.isEmpty)
        #expect(row.features == ["a": 1])
    }

    @Test("Feedback shares its prediction's key so it lands in the same order")
    func feedbackSharesThePredictionKey() {
        #expect(Samples.feedback.key == Samples.prediction.key)
    }
}
