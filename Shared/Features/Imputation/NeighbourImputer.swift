/// Fills a home's missing targets from its nearest training neighbours: the step both the
/// trainer (whole data sets) and the server (one request) run through ``FeatureEncoder``.
///
/// The distance of two homes is the sum over the distance features of the squared difference
/// in training standard deviations, or ``ImputationSettings/missingDistance`` when only one
/// of them has the feature. For each missing target, the neighbours are the
/// ``ImputationSettings/neighbours`` nearest donors that have it (ties by donor order), taken
/// from the home's own group when that group has at least
/// ``ImputationSettings/minGroupSize`` such donors, else from all donors. A numeric target gets
/// the median of their values, a categorical one the most frequent value (ties: the one met
/// first, nearest first). Values the home has are never changed.
public struct NeighbourImputer: Sendable {
    /// The fitted imputation.
    public let parameters: ImputationParameters
    /// Per target, the donors that have it: all of them and by group, in donor order.
    private let holders: [String: Holders]

    private struct Holders: Sendable {
        var all: [Int] = []
        var byGroup: [String: [Int]] = [:]
    }

    /// Creates the imputer of fitted parameters.
    ///
    /// - Parameter parameters: The fitted imputation.
    public init(parameters: ImputationParameters) {
        self.parameters = parameters
        var holders: [String: Holders] = [:]
        for (index, donor) in parameters.donors.enumerated() {
            for name in donor.numeric.keys.sorted() + donor.categorical.keys.sorted() {
                holders[name, default: Holders()].all.append(index)
                if let group = donor.group { holders[name, default: Holders()].byGroup[group, default: []].append(index) }
            }
        }
        self.holders = holders
    }

    /// `numeric` and `categorical` with their missing targets filled where donors allow.
    ///
    /// - Parameters:
    ///   - numeric: Numeric features by name; a missing or non-finite value is imputed.
    ///   - categorical: Categorical features by name.
    public func imputed(
        numeric: [String: Double], categorical: [String: String]
    ) -> (numeric: [String: Double], categorical: [String: String]) {
        let missingNumeric = parameters.numericTargets.filter { !(numeric[$0]?.isFinite ?? false) }
        let missingCategorical = parameters.categoricalTargets.filter { categorical[$0] == nil }
        guard !missingNumeric.isEmpty || !missingCategorical.isEmpty else { return (numeric, categorical) }
        let distances = distances(to: parameters.settings.distanceFeatures.map { numeric[$0].flatMap { $0.isFinite ? $0 : nil } })
        let group = parameters.settings.groupFeature.isEmpty ? nil : categorical[parameters.settings.groupFeature]
        var numeric = numeric
        var categorical = categorical
        for name in missingNumeric {
            let values = nearest(holding: name, group: group, distances: distances).compactMap { parameters.donors[$0].numeric[name] }
            if let median = Self.median(values.sorted()) { numeric[name] = median }
        }
        for name in missingCategorical {
            let values = nearest(holding: name, group: group, distances: distances).compactMap {
                parameters.donors[$0].categorical[name]
            }
            if let mode = Self.mostFrequent(values) { categorical[name] = mode }
        }
        return (numeric, categorical)
    }

    private func distances(to query: [Double?]) -> [Double] {
        let scales = parameters.scales
        let missing = parameters.settings.missingDistance
        return parameters.donors.map { donor in
            var sum = 0.0
            for (index, value) in query.enumerated() {
                switch (value, donor.distanceValues[index]) {
                case (let a?, let b?):
                    let difference = (a - b) / scales[index]
                    sum += difference * difference
                case (nil, nil): continue
                default: sum += missing
                }
            }
            return sum
        }
    }

    /// The indices of the nearest donors holding `name`, nearest first.
    private func nearest(holding name: String, group: String?, distances: [Double]) -> [Int] {
        guard let holders = holders[name] else { return [] }
        let settings = parameters.settings
        let pool: [Int]
        if let group, let members = holders.byGroup[group], members.count >= settings.minGroupSize {
            pool = members
        } else {
            pool = holders.all
        }
        let count = max(settings.neighbours, 1)
        var nearest: [Int] = []
        nearest.reserveCapacity(count + 1)
        for index in pool {
            // Pools are in donor order, so an equal distance never displaces an earlier donor.
            guard nearest.count < count || distances[index] < distances[nearest[nearest.count - 1]] else { continue }
            let position = nearest.firstIndex { distances[index] < distances[$0] } ?? nearest.count
            nearest.insert(index, at: position)
            if nearest.count > count { nearest.removeLast() }
        }
        return nearest
    }

    private static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func mostFrequent(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var best: String?
        var bestCount = 0
        for value in values where counts[value, default: 0] > bestCount {
            best = value
            bestCount = counts[value, default: 0]
        }
        return best
    }
}
