import Foundation
import Pipeline
import Schema

/// Turns parse outcomes into raw records and bounded dead letters (``Pipeline/DeadLetterWriter``)
/// and publishes them in batches, within the configured messages-per-second cap
/// (``PublishPace``): with a cap, a batch is at most one second's worth.
struct OutcomePublisher: Sendable {
    let configuration: ProducerConfiguration
    let publisher: any MessagePublisher

    /// Publishes `outcomes`, read from `url`, and returns the counts.
    func publish(_ outcomes: [ParseOutcome], url: URL?) async throws(SourceError) -> IngestionSummary {
        var summary = IngestionSummary()
        let deadLetters = DeadLetterWriter(stage: .ingestion, service: configuration.serviceName, policy: configuration.deadLetters)
        let descriptor = configuration.descriptor
        let pace = PublishPace(maxRecordsPerSecond: configuration.maxRecordsPerSecond)
        let batchSize = pace.batchSize(configured: configuration.batchSize)
        let clock = ContinuousClock()
        let began = clock.now
        var start = 0
        while start < outcomes.count {
            let now = Date()
            let batch: [any SchemaMessage] = outcomes[start..<min(start + batchSize, outcomes.count)].map { outcome in
                switch outcome {
                case .record(let record):
                    summary.records += 1
                    return record.rawRecord(source: descriptor, url: url, fetchedAt: now)
                case .failure(let failure):
                    summary.deadLetters += 1
                    return deadLetters.deadLetter(
                        originalKey: "\(descriptor.id)/\(failure.location)", payload: Data(failure.text.utf8),
                        reasons: [FailureReason(field: failure.field, code: failure.code, message: failure.message)], at: now)
                }
            }
            do {
                try await publisher.publish(batch)
            } catch {
                throw SourceError(publishing: error)
            }
            start += batchSize
            let wait = pace.delay(afterPublishing: min(start, outcomes.count), elapsed: clock.now - began)
            guard wait > .zero else { continue }
            do {
                try await Task.sleep(for: wait)
            } catch {
                // Everything is delivered once the last batch is out: return, so the caller keeps
                // the file or page as read and a restart does not publish it again.
                guard start < outcomes.count else { break }
                throw SourceError(code: .cancelled, reason: "stopped while pacing its publishing", input: url?.path)
            }
        }
        return summary
    }
}
