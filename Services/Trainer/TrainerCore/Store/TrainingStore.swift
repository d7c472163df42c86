import Foundation
import Schema

/// What the trainer learns from: the latest ``Schema/FeatureRow`` of every home (read from
/// `homes.features` as latest value per key), labels reported as feedback, and where in each
/// input topic the store stands, so a restart continues from there instead of re-reading
/// everything.
///
/// Every time a home gains or changes its label the store's sequence advances, so "new labelled
/// homes since the last model" of a region is a count, not a scan of history.
public struct TrainingStore: Codable, Sendable, Equatable {
    /// A stored row and the sequence number of its last label change (0: never labelled).
    public struct Entry: Codable, Sendable, Equatable {
        /// The latest feature row of the home.
        public var row: FeatureRow
        /// The store sequence at which the home's label last changed.
        public var labelSequence: Int
    }

    /// The latest row of every home, by home id.
    public private(set) var entries: [String: Entry] = [:]
    /// Reported sale prices by home id.
    public private(set) var feedbackLabels: [String: FeedbackLabel] = [:]
    /// The next offset to read, by topic and partition.
    public private(set) var positions: [String: [Int32: Int64]] = [:]
    /// Advances with every label change.
    public private(set) var sequence = 0
    /// When the last row or label arrived.
    public private(set) var lastChange: Date?
    /// The ``Schema/FeatureRow/homeVersion`` each retired home was retired at, so a row of an
    /// older version arriving after the retirement does not bring the home back.
    public private(set) var retiredVersions: [String: Int] = [:]

    /// An empty store.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case entries, feedbackLabels, positions, sequence, lastChange, retiredVersions
    }

    /// Decodes a saved store; one saved before homes were numbered has no retired versions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entries = try container.decode([String: Entry].self, forKey: .entries)
        feedbackLabels = try container.decode([String: FeedbackLabel].self, forKey: .feedbackLabels)
        positions = try container.decode([String: [Int32: Int64]].self, forKey: .positions)
        sequence = try container.decode(Int.self, forKey: .sequence)
        lastChange = try container.decodeIfPresent(Date.self, forKey: .lastChange)
        retiredVersions = try container.decodeIfPresent([String: Int].self, forKey: .retiredVersions) ?? [:]
    }

    /// Takes the latest row of a home: a retired home is dropped; a changed label (or a first
    /// one) advances the sequence. A row of an older version of the home than the one the store
    /// holds or retired (topics can carry a home's versions out of order) changes nothing.
    public mutating func apply(_ row: FeatureRow, at date: Date) {
        if let version = row.homeVersion,
            let held = entries[row.homeId]?.row.homeVersion ?? retiredVersions[row.homeId], version < held
        {
            return
        }
        guard !row.retired else {
            entries[row.homeId] = nil
            retiredVersions[row.homeId] = row.homeVersion
            lastChange = date
            return
        }
        retiredVersions[row.homeId] = nil
        let previous = entries[row.homeId]
        var labelSequence = previous?.labelSequence ?? 0
        if row.target != nil, previous?.row.target != row.target || previous?.row.labelDate != row.labelDate {
            sequence += 1
            labelSequence = sequence
        }
        entries[row.homeId] = Entry(row: row, labelSequence: labelSequence)
        lastChange = date
    }

    /// Takes a customer's reported sale price for the home it names; other feedback is ignored.
    public mutating func apply(_ feedback: Feedback) {
        guard feedback.kind == .salePrice, let homeId = feedback.homeId, feedback.value.isFinite, feedback.value > 0 else { return }
        feedbackLabels[homeId] = FeedbackLabel(price: feedback.value, currency: feedback.currency, at: feedback.at)
        if var entry = entries[homeId] {
            sequence += 1
            entry.labelSequence = sequence
            entries[homeId] = entry
        }
        lastChange = feedback.at
    }

    /// Records that everything before `offset` of `topic`'s `partition` is in the store.
    public mutating func advance(topic: String, partition: Int32, to offset: Int64) {
        positions[topic, default: [:]][partition] = max(positions[topic]?[partition] ?? 0, offset)
    }

    /// The labelled rows of `region` in `currency` and of `featureSchemaVersion`, in a stable
    /// order (the label's day, then home id). A reported sale price newer than a row's own label
    /// replaces it.
    public func labelledRows(region: String, currency: String, featureSchemaVersion: Int) -> [LabelledRow] {
        var rows: [LabelledRow] = []
        for entry in entries.values where entry.row.region == region && entry.row.featureSchemaVersion == featureSchemaVersion {
            var row = entry.row
            var date = row.labelDate ?? row.computedAt
            if let feedback = feedbackLabels[row.homeId], feedback.currency ?? currency == currency,
                row.target == nil || feedback.at > date
            {
                row.target = feedback.price
                row.currency = currency
                date = feedback.at
            }
            guard let target = row.target, target.isFinite, target > 0, row.currency == currency else { continue }
            row.labelDate = date
            rows.append(LabelledRow(row: row, labelDate: date))
        }
        // By the day of the label, then the home: a sale without a date is labelled at its
        // record's fetch time, which differs by milliseconds with the sources' arrival order;
        // the day does not, so the same homes give the same training and validation split.
        return rows.sorted { ($0.labelDate.daysSince1970, $0.row.homeId) < ($1.labelDate.daysSince1970, $1.row.homeId) }
    }

    /// How many homes of `region` gained or changed their label after sequence `since`.
    public func labelChanges(region: String, since: Int) -> Int {
        entries.values.reduce(0) { $0 + ($1.row.region == region && $1.labelSequence > since ? 1 : 0) }
    }
}
