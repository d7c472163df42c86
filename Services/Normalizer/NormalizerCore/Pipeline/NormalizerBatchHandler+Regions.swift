import Logging
import Metrics
import Pipeline
import Schema

/// A batch stored one region at a time, on a warehouse whose transactions of different regions
/// run side by side (``NormalizerStore/runsRegionsConcurrently``).
extension NormalizerBatchHandler {
    /// An input of the batch with its place in it.
    struct Placed {
        /// The input's index in the batch.
        var index: Int
        /// The input, its record mapped.
        var input: Input<PreparedRaw>
        /// Whether it is stored in the transaction of the region it was taken for.
        var belongs: Bool
    }

    /// The outcomes of `inputs`, in their order.
    ///
    /// Records go in the order of the region their source stamped on them, mapped on a thread of
    /// their own while each region's transaction stores them as they come
    /// (``Pipeline/Swift/Array/withPipelinedTransform(_:_:)``). A record its mapping puts in
    /// another country (a site with homes in several), and every later record with its key, is
    /// stored afterwards in its own country's transaction (``store(_:normalizer:retries:)``), and
    /// so is every record of a key stamped with two regions in the batch.
    /// Human decisions are stored last, in a transaction confined to nothing.
    static func outcomesByRegion(
        of inputs: [Input<RawRecord>], normalizer: Normalizer, logger: Logger, metrics: any MetricsFactory
    ) throws(NormalizationError) -> [MessageOutcome] {
        let retries = RegionRetries(logger: logger, metrics: metrics)
        var stampedRegions: [String: [Int]] = [:]
        var stampedRegionOfKey: [String: String] = [:]
        var stampedTwice: Set<String> = []
        var unconfined: [Int] = []
        for (index, input) in inputs.enumerated() {
            if case .record(let raw, _) = input {
                stampedRegions[raw.region, default: []].append(index)
                if let other = stampedRegionOfKey.updateValue(raw.region, forKey: raw.key), other != raw.region {
                    stampedTwice.insert(raw.key)
                }
            } else {
                unconfined.append(index)
            }
        }
        let groups = stampedRegions.sorted { $0.key < $1.key }
        var made: [(index: Int, outcome: MessageOutcome)] = []
        var elsewhere: [Placed] = []
        try groups.flatMap(\.value).map { inputs[$0] }.withPipelinedTransform({ mapped($0, normalizer: normalizer) }) {
            (results) throws(NormalizationError) in
            for (region, indices) in groups {
                var taken: [Placed] = []
                var moved = stampedTwice
                /// Takes the next mapped input of the region's group, deciding whether it stays.
                func takeNext() -> Placed? {
                    guard taken.count < indices.count, let input = results.next() else { return nil }
                    var placed = Placed(index: indices[taken.count], input: input, belongs: true)
                    if let record = input.preparedRecord, record.region != region || moved.contains(record.key) {
                        placed.belongs = false
                        moved.insert(record.key)
                    }
                    taken.append(placed)
                    return placed
                }
                made += try stored(
                    in: region, normalizer: normalizer, retries: retries,
                    { () throws(NormalizationError) in
                        var outcomes: [(index: Int, outcome: MessageOutcome)] = []
                        while let placed = takeNext() {
                            guard placed.belongs else { continue }
                            outcomes.append((placed.index, try outcome(of: placed.input, normalizer: normalizer)))
                        }
                        return outcomes
                    },
                    redoing: {
                        while takeNext() != nil {}
                        return taken.filter(\.belongs)
                    })
                elsewhere += taken.filter { !$0.belongs }
            }
        }
        made += try store(elsewhere.sorted { $0.index < $1.index }, normalizer: normalizer, retries: retries)
        let rest = unconfined.map { Placed(index: $0, input: mapped(inputs[$0], normalizer: normalizer), belongs: true) }
        if rest.contains(where: \.input.isDecision) {
            made += try normalizer.store.transaction { () throws(NormalizationError) in try outcomes(of: rest, normalizer: normalizer) }
        } else {
            made += try outcomes(of: rest, normalizer: normalizer)
        }
        return made.sorted { $0.index < $1.index }.map(\.outcome)
    }

    /// Stores `placed` (mapped records, in batch order) one country at a time, by the country
    /// each was mapped to; all in one transaction confined to nothing, in order, when one key
    /// is in two countries among them.
    private static func store(
        _ placed: [Placed], normalizer: Normalizer, retries: RegionRetries
    ) throws(NormalizationError) -> [(index: Int, outcome: MessageOutcome)] {
        var countries: [String: [Placed]] = [:]
        var countryOfKey: [String: String] = [:]
        for item in placed {
            let country = item.input.preparedRecord?.region ?? ""
            if let key = item.input.preparedRecord?.key, let other = countryOfKey.updateValue(country, forKey: key), other != country {
                return try normalizer.store.transaction { () throws(NormalizationError) in try outcomes(of: placed, normalizer: normalizer)
                }
            }
            countries[country, default: []].append(item)
        }
        var made: [(index: Int, outcome: MessageOutcome)] = []
        for (country, items) in countries.sorted(by: { $0.key < $1.key }) {
            made += try stored(
                in: country, normalizer: normalizer, retries: retries,
                { () throws(NormalizationError) in try outcomes(of: items, normalizer: normalizer) }, redoing: { items })
        }
        return made
    }

    /// The outcomes `body` makes in a transaction confined to `region`; when it meets another
    /// region, the inputs `redoing` gives (all of `body`'s) stored again in a transaction
    /// confined to nothing, counted in `retries`.
    private static func stored(
        in region: String, normalizer: Normalizer, retries: RegionRetries,
        _ body: () throws(NormalizationError) -> [(index: Int, outcome: MessageOutcome)],
        redoing: () -> [Placed]
    ) throws(NormalizationError) -> [(index: Int, outcome: MessageOutcome)] {
        do {
            return try normalizer.store.transaction(inRegion: region, body)
        } catch  where error.code == .outsideRegion {
            retries.note(region: region, error: error)
            let placed = redoing()
            return try normalizer.store.transaction { () throws(NormalizationError) in try outcomes(of: placed, normalizer: normalizer) }
        }
    }

    /// The outcomes of `placed`, one after the other.
    private static func outcomes(
        of placed: [Placed], normalizer: Normalizer
    ) throws(NormalizationError) -> [(index: Int, outcome: MessageOutcome)] {
        try placed.map { (item) throws(NormalizationError) in (item.index, try outcome(of: item.input, normalizer: normalizer)) }
    }
}

extension NormalizerBatchHandler.Input where Record == NormalizerBatchHandler.PreparedRaw {
    /// The mapped record of a raw record its mapping took; `nil` for anything else.
    var preparedRecord: MappedRecord? {
        guard case .record(let raw, _) = self, case .success(let prepared) = raw.prepared else { return nil }
        return prepared.record
    }
}
