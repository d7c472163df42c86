import Foundation
import Schema

/// Merges records of the same home across sources.
///
/// A new record is compared with the records sharing one of its blocks (``BlockingKeys``).
/// A pair scoring at least the merge threshold joins clusters; a pair between the review and
/// merge thresholds, at the same house number, becomes an
/// ``Schema/ReviewTaskKind/ambiguousDuplicate`` task, and once a
/// human decides, the decision overrides the score for that pair from then on. The cluster's
/// home is reassembled by the merge policy and keeps a stable id (``HomeIdentity``).
///
/// A new version of a record already in a cluster whose matches or vetoes with the other
/// members differ from its previous version's regroups that cluster: members stay together
/// while links connect them (a match no person rejected or dismissed, or a person's approval;
/// see `regroup`), so a record that matches no other member any more (a corrected address,
/// another country) or now vetoes one (a unit or floor now differing) leaves, and members
/// linked only through it part too. The groups without the record go on as homes of their own
/// (``Resolution/leftBehind``), and the record's group is resolved as if it were new: a
/// corrected address moves the record to the home at its new address instead of merging its
/// old home into that one. A version that matches and vetoes as before (a replay, a new price)
/// keeps its cluster whole.
public struct EntityResolver: Sendable {
    /// Thresholds and weights.
    public let settings: ResolutionSettings
    /// The service named as creator of review tasks.
    public let serviceName: String
    private let assembler: HomeAssembler
    private let similarity: RecordSimilarity

    /// Creates a resolver.
    public init(settings: ResolutionSettings, policy: MergePolicy, exchangeRates: ExchangeRates, serviceName: String) {
        self.settings = settings
        self.serviceName = serviceName
        assembler = HomeAssembler(policy: policy, exchangeRates: exchangeRates)
        similarity = RecordSimilarity(settings: settings)
    }

    /// Resolves one prepared record against everything the store holds, and stores the outcome.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    public func resolve(_ prepared: PreparedRecord, in store: some ResolutionStore, now: Date) throws(NormalizationError) -> Resolution {
        let record = prepared.record
        let blocks = prepared.blockingKeys
        let previous = try store.save(prepared)
        var members: [String: MappedRecord] = [record.key: record]
        var clusters: Set<String> = []
        var leftBehind: [Resolution] = []
        if let previous {
            let others = try store.records(inCluster: previous.cluster).filter { $0.key != record.key }
            let (staying, apart) = try regroup(record, replacing: previous.record, with: others, in: store)
            for member in staying { members[member.key] = member }
            // The old id stays with the group that gives it (the record's, which may still join
            // others, or one left behind); if none does, the first group left behind by id takes
            // it over, the old id retired into it.
            let ids = apart.map(HomeIdentity.id(of:))
            let recordKeepsId = apart.isEmpty || HomeIdentity.id(of: staying) == previous.cluster
            if recordKeepsId { clusters.insert(previous.cluster) }
            let heir = recordKeepsId || ids.contains(previous.cluster) ? nil : ids.indices.min { ids[$0] < ids[$1] }
            for (index, group) in apart.enumerated() {
                leftBehind.append(
                    try settle(
                        group, replacing: index == heir ? [previous.cluster] : [], tasks: [], recordWasKnown: false, in: store, now: now))
            }
            if !apart.isEmpty { try store.noteDeparture(ofRecord: record.key, leftClusters: leftBehind.map(\.home.id)) }
        }
        var tasks: [ReviewTask] = []
        let candidates = try store.records(inBlocks: blocks).sorted { $0.key < $1.key }
        for candidate in candidates where members[candidate.key] == nil {
            let taskId = Self.taskId(record.key, candidate.key)
            let decided = try store.reviewTask(id: taskId)
            let same: Bool
            switch decided?.status {
            case .approved: same = true
            case .rejected, .dismissed: same = false
            case .open, nil:
                guard let score = similarity.score(record, candidate) else { continue }
                if score.total >= settings.mergeThreshold {
                    same = true
                } else {
                    same = false
                    if score.total >= settings.reviewThreshold, score.isReviewable {
                        let task = decided ?? reviewTask(id: taskId, record, candidate, score: score, now: now)
                        try store.save(reviewTask: task)
                        tasks.append(task)
                    }
                }
            }
            guard same else { continue }
            let cluster = try store.cluster(ofRecord: candidate.key)
            var joining = [candidate]
            if let cluster { joining = try store.records(inCluster: cluster) }
            // A record without a unit may match two flats of one building; it must not chain
            // them into one home. A person's approval still merges.
            if decided?.status != .approved,
                joining.contains(where: { other in members.values.contains { similarity.vetoes($0, other) } })
            {
                continue
            }
            if let cluster {
                try join(cluster, into: &members, clusters: &clusters, in: store)
            } else {
                members[candidate.key] = candidate
            }
        }
        var resolution = try settle(
            Array(members.values), replacing: clusters, tasks: tasks, recordWasKnown: previous != nil, in: store, now: now)
        resolution.leftBehind = leftBehind
        if let previous, leftBehind.isEmpty { resolution.departedHomeIds = previous.departures }
        return resolution
    }

    /// The groups a known record's cluster falls into with the record's new version: the
    /// record's own (`staying`, the record among them) and the others (`apart`, by their
    /// smallest record key).
    ///
    /// When the new version's links to every other member are its `previous` version's (the
    /// same matches, the same vetoes: a replay, a new price or fetch time), the cluster stays
    /// whole, whatever changed around it (a person's later decision, the thresholds), as a
    /// cluster always did. Otherwise two members are linked when a person approved the pair,
    /// or when they match (a score of at least the merge threshold; a differing unit or floor
    /// gives none) and no person rejected or dismissed the pair, and a group is what links
    /// connect; the record's links by score count only while it vetoes no member it did not
    /// veto before (unless a person approved the pair), so that it then leaves and, resolved
    /// as new, joins no group holding a member it vetoes, as a new record would.
    private func regroup(
        _ record: MappedRecord, replacing previous: MappedRecord, with others: [MappedRecord], in store: some ResolutionStore
    ) throws(NormalizationError) -> (staying: [MappedRecord], apart: [[MappedRecord]]) {
        func matches(_ first: MappedRecord, _ second: MappedRecord) -> Bool {
            (similarity.score(first, second)?.total ?? 0) >= settings.mergeThreshold
        }
        let unchanged = others.allSatisfy { other in
            matches(record, other) == matches(previous, other) && similarity.vetoes(record, other) == similarity.vetoes(previous, other)
        }
        if unchanged { return (others + [record], []) }
        let members = others + [record]
        let recordIndex = others.count
        var decisions: [String: ReviewStatus?] = [:]
        func decision(_ first: Int, _ second: Int) throws(NormalizationError) -> ReviewStatus? {
            let id = Self.taskId(members[first].key, members[second].key)
            if let known = decisions[id] { return known }
            let status = try store.reviewTask(id: id)?.status
            decisions[id] = status
            return status
        }
        var newVeto = false
        for index in others.indices where similarity.vetoes(record, others[index]) && !similarity.vetoes(previous, others[index]) {
            if try decision(index, recordIndex) != .approved { newVeto = true }
        }
        // Union-find over the members' positions.
        var parent = Array(members.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        for second in members.indices {
            for first in 0..<second {
                let status = try decision(first, second)
                let linked: Bool
                switch status {
                case .approved: linked = true
                case .rejected, .dismissed: linked = false
                case .open, nil:
                    linked = !(newVeto && second == recordIndex) && matches(members[first], members[second])
                }
                if linked { parent[root(first)] = root(second) }
            }
        }
        let groups = Dictionary(grouping: members.indices, by: root)
        let staying = groups[root(recordIndex), default: []].map { members[$0] }
        let apart = groups.filter { $0.key != root(recordIndex) }.values
            .map { $0.map { members[$0] }.sorted { $0.key < $1.key } }
            .sorted { $0[0].key < $1[0].key }
        return (staying, apart)
    }

    /// Applies a human decision on an ambiguous duplicate: approval merges the two records'
    /// clusters, rejection keeps them apart for good. The decision is stored either way.
    /// - Returns: The merged home, or `nil` when nothing changed (a rejection, a task of
    ///   another kind or still open, or records not seen yet — they merge when they arrive).
    public func apply(decision: ReviewTask, in store: some ResolutionStore, now: Date) throws(NormalizationError) -> Resolution? {
        guard decision.kind == .ambiguousDuplicate, decision.status != .open, decision.subjectIds.count == 2 else {
            return nil
        }
        try store.save(reviewTask: decision)
        guard decision.status == .approved else { return nil }
        var members: [String: MappedRecord] = [:]
        var clusters: Set<String> = []
        for key in decision.subjectIds {
            guard let record = try store.record(key: key) else { return nil }
            members[key] = record
            if let cluster = try store.cluster(ofRecord: key) {
                try join(cluster, into: &members, clusters: &clusters, in: store)
            }
        }
        return try settle(Array(members.values), replacing: clusters, tasks: [], recordWasKnown: false, in: store, now: now)
    }

    /// The review task id of a pair of record keys, the same whichever comes first.
    public static func taskId(_ first: String, _ second: String) -> String {
        "duplicate-" + HomeIdentity.hash([first, second].sorted().joined(separator: "\n"))
    }

    private func join(
        _ cluster: String,
        into members: inout [String: MappedRecord],
        clusters: inout Set<String>,
        in store: some ResolutionStore
    ) throws(NormalizationError) {
        clusters.insert(cluster)
        for member in try store.records(inCluster: cluster) where members[member.key] == nil {
            members[member.key] = member
        }
    }

    private func settle(
        _ members: [MappedRecord],
        replacing clusters: Set<String>,
        tasks: [ReviewTask],
        recordWasKnown: Bool,
        in store: some ResolutionStore,
        now: Date
    ) throws(NormalizationError) -> Resolution {
        let id = HomeIdentity.id(of: members)
        try store.assign(recordKeys: members.map(\.key).sorted(), toCluster: id)
        return Resolution(
            home: assembler.home(id: id, records: members, normalizedAt: now),
            retiredHomeIds: clusters.subtracting([id]).sorted(),
            reviewTasks: tasks,
            recordWasKnown: recordWasKnown
        )
    }

    private func reviewTask(
        id: String,
        _ record: MappedRecord,
        _ candidate: MappedRecord,
        score: SimilarityScore,
        now: Date
    ) -> ReviewTask {
        var details = [
            "similarity": String(format: "%.3f", score.total),
            "addressSimilarity": String(format: "%.3f", score.address),
        ]
        details["attributeAgreement"] = score.attributes.map { String(format: "%.3f", $0) }
        for (side, member) in [("first", record), ("second", candidate)] {
            details["\(side).address"] = member.matchingKey
        }
        let subjects = [record.key, candidate.key].sorted()
        return ReviewTask(
            taskId: id,
            kind: .ambiguousDuplicate,
            subjectIds: subjects,
            summary: "Are \(subjects[0]) and \(subjects[1]) the same home?",
            details: details,
            createdBy: serviceName,
            createdAt: now
        )
    }
}
