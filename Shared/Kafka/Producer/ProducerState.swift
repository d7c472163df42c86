/// The mutable state of a ``KafkaProducer``, protected by its lock.
struct ProducerState {
    /// Where the producer is in its life.
    enum Lifecycle {
        /// Accepting messages.
        case running
        /// Refusing new messages, delivering what is queued.
        case shuttingDown
        /// The poll loop has ended; nothing more will be delivered.
        case finished
    }

    /// Messages of one awaited `send`, waiting for their delivery reports.
    struct PendingBatch {
        var results: [Result<KafkaDeliveryReport, KafkaError>?]
        var remaining: Int
        var continuation: CheckedContinuation<[Result<KafkaDeliveryReport, KafkaError>], Never>?
    }

    /// What the caller must do after a state change, outside the lock.
    struct Resumption {
        let continuation: CheckedContinuation<[Result<KafkaDeliveryReport, KafkaError>], Never>
        let results: [Result<KafkaDeliveryReport, KafkaError>]

        func resume() { continuation.resume(returning: results) }
    }

    var lifecycle = Lifecycle.running
    var nextBatchID: UInt64 = 1
    var batches: [UInt64: PendingBatch] = [:]
    /// Cached `rd_kafka_topic_t` handles by topic name.
    var topicHandles: [String: OpaquePointer] = [:]
    var delivered: UInt64 = 0
    var failed: UInt64 = 0
    var lastFailure: KafkaError?

    /// Registers a batch of `count` messages and returns its id.
    mutating func openBatch(count: Int) throws(KafkaError) -> UInt64 {
        guard case .running = lifecycle else {
            throw KafkaError(code: .shutDown, reason: "the producer is shutting down")
        }
        let id = nextBatchID
        nextBatchID += 1
        batches[id] = PendingBatch(results: Array(repeating: nil, count: count), remaining: count)
        return id
    }

    /// Records the outcome of message `index` of batch `batchID`.
    mutating func record(
        _ result: Result<KafkaDeliveryReport, KafkaError>,
        batchID: UInt64,
        index: Int
    ) -> Resumption? {
        switch result {
        case .success: delivered += 1
        case .failure(let error):
            failed += 1
            lastFailure = error
        }
        // Mutated in place: copying the batch out and back would copy its results on every
        // report, quadratic in the batch size.
        guard batches[batchID]?.results[index] == nil, batches[batchID] != nil else { return nil }
        batches[batchID]?.results[index] = result
        batches[batchID]?.remaining -= 1
        guard let batch = batches[batchID], batch.remaining == 0, batch.continuation != nil else { return nil }
        return store(batch, id: batchID)
    }

    /// Parks the continuation of batch `batchID`, or hands back the results if all are in.
    mutating func await(
        batchID: UInt64,
        continuation: CheckedContinuation<[Result<KafkaDeliveryReport, KafkaError>], Never>
    ) -> Resumption? {
        guard var batch = batches[batchID] else {
            return Resumption(continuation: continuation, results: [])
        }
        batch.continuation = continuation
        return store(batch, id: batchID)
    }

    /// Fails every message still waiting: the producer will deliver nothing more.
    mutating func failAll(with error: KafkaError) -> [Resumption] {
        lifecycle = .finished
        var resumptions: [Resumption] = []
        for (id, var batch) in batches {
            for index in batch.results.indices where batch.results[index] == nil {
                batch.results[index] = .failure(error)
                batch.remaining -= 1
                failed += 1
            }
            if let resumption = store(batch, id: id) { resumptions.append(resumption) }
        }
        return resumptions
    }

    /// Keeps `batch`, or removes it and returns its resumption when complete and awaited.
    private mutating func store(_ batch: PendingBatch, id: UInt64) -> Resumption? {
        guard batch.remaining == 0, let continuation = batch.continuation else {
            batches[id] = batch
            return nil
        }
        batches[id] = nil
        return Resumption(continuation: continuation, results: batch.results.map { $0! })
    }
}
