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
        #expect(Samples.modelEvent.key == "price-us")
        #expect(Samples.predictionRequest.key == "req-9b1e2c")
        #expect(Samples.prediction.key == "pred-51c7d0")
        #expect(Samples.feedback.key == "pred-51c7d0")
        #expect(Samples.monitoringEvent.key == "trainer")
        #expect(Samples.controlCommand.key == "source/us-listings-crawl")
        #expect(Samples.reviewTask.key == "review-0193")
    }

    @Test("Feedback shares its prediction's key so it lands in the same order")
    func feedbackSharesThePredictionKey() {
        #expect(Samples.feedback.key == Samples.prediction.key)
    }
}
