import Foundation
import Schema

/// Chooses each field's value when several records of one home give it, by source trust and
/// recency, as configured in `configs/normalizer.yaml` (`normalizer.merge`).
public struct MergePolicy: Sendable, Equatable {
    /// Trust per source id, higher wins.
    public var sourceTrust: [String: Double]
    /// The trust of a source not listed.
    public var defaultTrust: Double
    /// The rule of a field without its own.
    public var defaultRule: MergeRule
    /// Rules per canonical field name (`price`, `livingArea`).
    public var fieldRules: [String: MergeRule]
    /// Numbers within this fraction of each other agree (rounding of unit conversions).
    public var numericTolerance: Double

    /// Creates a policy.
    public init(
        sourceTrust: [String: Double],
        defaultTrust: Double,
        defaultRule: MergeRule,
        fieldRules: [String: MergeRule],
        numericTolerance: Double
    ) {
        self.sourceTrust = sourceTrust
        self.defaultTrust = defaultTrust
        self.defaultRule = defaultRule
        self.fieldRules = fieldRules
        self.numericTolerance = numericTolerance
    }

    /// The trust of a source.
    public func trust(of sourceId: String) -> Double {
        sourceTrust[sourceId] ?? defaultTrust
    }

    /// The rule that settles a field.
    public func rule(for field: String) -> MergeRule {
        fieldRules[field] ?? defaultRule
    }

    /// What the policy ranks a record by, read once per record rather than per field.
    func standing(of record: MappedRecord) -> MergeStanding {
        MergeStanding(trust: trust(of: record.sourceId), recency: Recency(record), sourceId: record.sourceId, recordId: record.recordId)
    }

    /// Picks one of the records' values of a field.
    ///
    /// - Parameters:
    ///   - standings: The standing (``standing(of:)``) of each record giving the field; not empty.
    ///   - values: Each of those records' value, in the same order.
    /// - Returns: The index of the chosen record and, when the values disagree, the conflict
    ///   naming the rule that chose. Recency is the records' own dates (``Recency``), never the
    ///   instant a record happened to be fetched, and ties end on the source id then the record
    ///   id, so the same records give the same home whatever their arrival order and timing.
    func choose(field: String, standings: [MergeStanding], values: [FieldValue]) -> (chosen: Int, conflict: FieldConflict?) {
        // One value has nothing to disagree with.
        guard values.count > 1 else { return (0, nil) }
        let rule = rule(for: field)
        let chosen =
            standings.indices.min { left, right in
                let (a, b) = (standings[left], standings[right])
                switch rule {
                case .sourcePriority:
                    if a.trust != b.trust { return a.trust > b.trust }
                    if a.recency != b.recency { return a.recency > b.recency }
                case .mostRecent:
                    if a.recency != b.recency { return a.recency > b.recency }
                    if a.trust != b.trust { return a.trust > b.trust }
                }
                return (a.sourceId, a.recordId) < (b.sourceId, b.recordId)
            } ?? 0
        let chosenValue = values[chosen].value
        let disagree = values.contains {
            $0.value != chosenValue && !$0.value.agrees(with: chosenValue, relativeTolerance: numericTolerance)
        }
        return (chosen, disagree ? FieldConflict(field: field, resolution: rule.resolution) : nil)
    }
}
