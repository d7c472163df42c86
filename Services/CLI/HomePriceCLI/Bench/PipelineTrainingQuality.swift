import Crypto
import Features
import Foundation
import ModelRegistry
import NormalizerEvaluation
import Scenario
import Schema
import TrainerCore

/// The quality half of `homeprice bench pipeline-training`: per region, a model trained on the
/// pipeline's feature rows beside the same engine and settings trained on clean rows of the
/// scenario's ground truth.
///
/// The scenario's true homes are split by a hash of their id (one in ``holdOutEvery`` held
/// out). The pipeline model learns from the labelled rows the pipeline made of the training
/// homes (only the sales some source reported, with every defect of crawling, parsing and
/// merging). Three clean models learn from clean feature rows:
/// - the goal's reference, the clean sources: the same homes the pipeline had a label for, each
///   with the true values of exactly the facts its records state
///   (``Scenario/GroundTruthEntry/statedFacts``), as a clean copy of the sources would give
///   them; the ratio is what the pipeline's processing costs;
/// - the same homes with every true fact, including those no record of the home states (a
///   German dataset without property types, a value a record left out), so its ratio also
///   counts what the sources lack;
/// - every true training home with every fact (all of them sold), whose ratio also counts the
///   sales no source reported.
///
/// All are scored on the held-out homes the pipeline also made a row of (clean models on their
/// clean rows, the pipeline model on the pipeline's) against the true sale price. All train as
/// the trainer does (`configs/trainer.yaml`, `configs/model/trainer.json`).
struct PipelineTrainingQuality {
    /// One region's quality figures.
    struct RegionQuality: Codable {
        var region: String
        var cleanTrainingHomes: Int
        var pipelineTrainingHomes: Int
        var testHomes: Int
        /// The clean model trained on every true home (all sold) of the training split.
        var cleanMAPE: Double
        /// The clean model trained on the true rows of exactly the homes the pipeline had a
        /// label for, with every true fact: the same homes, clean values, all facts.
        var cleanSameHomesMAPE: Double
        /// The clean model trained on the same homes, each with the true values of only the
        /// facts its sources state: the clean sources.
        var cleanSourcesMAPE: Double
        var pipelineMAPE: Double
        /// pipelineMAPE / cleanSourcesMAPE: what the pipeline's processing costs; the goal is
        /// at most ``Report/goal``.
        var pipelineOverCleanSources: Double
        /// pipelineMAPE / cleanSameHomesMAPE: processing and the facts no source of a home states.
        var pipelineOverCleanSameHomes: Double
        /// pipelineMAPE / cleanMAPE: processing and the labels the sources never reported.
        var pipelineOverClean: Double
        /// The share of the pipeline's training labels more than 1 % off the home's true sale
        /// price (a merge that kept another record's price, an asking price reported as sold).
        var pipelineLabelsOff: Double
        /// Per input, the share of the pipeline's training homes whose value differs from the
        /// clean sources' (missing on one side, a number more than 1 % off, another category):
        /// where the pipeline's processing loses or garbles information.
        var featuresOff: [String: Double]
        var withinGoal: Bool
    }

    /// The scenario's ground truth.
    let truth: GroundTruth
    /// The trainer's settings every model trains with.
    let trainer: TrainerConfiguration
    /// When the pipeline observed its homes (the records' fetch time): clean rows are observed
    /// then too, so their cleaning keeps what the pipeline's keeps.
    let observedAt: Date
    /// The largest pipeline MAPE / clean sources' MAPE that meets the goal.
    let goal: Double
    /// One in this many true homes is held out.
    let holdOutEvery: UInt8

    /// Per configured region with test homes: the quality figures of models trained in
    /// `workspace` on the pipeline's feature `rows` (the latest per home) of the normalizer's
    /// `homes` (every version published), beside the clean models.
    func regions(rows: [String: FeatureRow], homes: [Home], workspace: URL) throws -> [RegionQuality] {
        let heldOut = { (trueHomeId: String) in Self.heldOut(trueHomeId, every: holdOutEvery) }
        let builder = FeatureRowBuilder(settings: trainer.features)
        // Each pipeline home's true home, by the record that gave its price.
        var trueHomeOf: [String: String] = [:]
        for home in homes {
            guard let origin = home.provenance["price"]?.first(where: \.chosen) ?? home.provenance["price"]?.first,
                let entry = truth.entries["\(origin.sourceId)/\(origin.recordId)"]
            else { continue }
            trueHomeOf[home.id] = entry.homeId
        }
        var trueHomes: [String: Home] = [:]
        var statedFacts: [String: Set<HomeFact>] = [:]
        for entry in truth.entries.values {
            if trueHomes[entry.homeId] == nil {
                // Observed when the pipeline observes its homes (the records' fetch time), so a
                // clean row keeps exactly the values the pipeline's cleaning keeps (a build year
                // after the ground truth's own time stamp is not in the future then).
                var home = entry.home
                home.normalizedAt = observedAt
                trueHomes[entry.homeId] = home
            }
            statedFacts[entry.homeId, default: []].formUnion(entry.statedFacts)
        }
        let cleanRows = trueHomes.mapValues { builder.build(from: $0, computedAt: $0.normalizedAt).row }
        let sourceRows = trueHomes.mapValues { home in
            builder.build(from: home.keepingOnly(statedFacts[home.id] ?? []), computedAt: home.normalizedAt).row
        }
        let pipelineRows = rows.values.filter { !$0.retired }

        return try trainer.regions.compactMap { region -> RegionQuality? in
            guard let currency = trainer.features.region(region)?.currency else { return nil }
            let clean = cleanRows.filter { $0.value.region == region && $0.value.target != nil }
            let cleanTraining = clean.filter { !heldOut($0.key) }.map(\.value)
            let pipelineTraining = pipelineRows.filter { row in
                row.region == region && row.target != nil && !(trueHomeOf[row.homeId].map(heldOut) ?? false)
            }
            // Held-out true homes the pipeline made a row of, with that row.
            var test: [(clean: FeatureRow, sources: FeatureRow, pipeline: FeatureRow)] = []
            for row in pipelineRows where row.region == region {
                guard let trueId = trueHomeOf[row.homeId], heldOut(trueId), let cleanRow = clean[trueId],
                    let sourceRow = sourceRows[trueId]
                else { continue }
                test.append((cleanRow, sourceRow, row))
            }
            guard !test.isEmpty else { return nil }
            let actual = test.compactMap(\.clean.target)
            let cleanMAPE = try mape(
                training: cleanTraining, test: test.map(\.clean), actual: actual, region: region, currency: currency,
                folder: workspace.appendingPathComponent("clean-\(region)"))
            var sameHomes: [String: FeatureRow] = [:]
            var sameHomesStated: [String: FeatureRow] = [:]
            var labelsOff = 0
            var featuresOff: [String: Int] = [:]
            for row in pipelineTraining {
                guard let trueId = trueHomeOf[row.homeId], let cleanRow = clean[trueId], let sourceRow = sourceRows[trueId] else {
                    continue
                }
                // The clean rows under the pipeline row's id and sale date, so the trainer's split
                // (by sale date, then id) gives every model the same training and validation homes.
                sameHomes[trueId] = Self.relabelled(cleanRow, as: row)
                sameHomesStated[trueId] = Self.relabelled(sourceRow, as: row)
                if let label = row.target, let truth = cleanRow.target, abs(label - truth) > 0.01 * truth { labelsOff += 1 }
                for name in Self.differingInputs(row, sourceRow) { featuresOff[name, default: 0] += 1 }
            }
            let cleanSameHomesMAPE = try mape(
                training: Array(sameHomes.values), test: test.map(\.clean), actual: actual, region: region, currency: currency,
                folder: workspace.appendingPathComponent("clean-same-\(region)"))
            let cleanSourcesMAPE = try mape(
                training: Array(sameHomesStated.values), test: test.map(\.sources), actual: actual, region: region,
                currency: currency, folder: workspace.appendingPathComponent("clean-sources-\(region)"))
            let pipelineMAPE = try mape(
                training: pipelineTraining, test: test.map(\.pipeline), actual: actual, region: region, currency: currency,
                folder: workspace.appendingPathComponent("pipeline-\(region)"))
            return RegionQuality(
                region: region, cleanTrainingHomes: cleanTraining.count, pipelineTrainingHomes: pipelineTraining.count,
                testHomes: test.count, cleanMAPE: cleanMAPE, cleanSameHomesMAPE: cleanSameHomesMAPE,
                cleanSourcesMAPE: cleanSourcesMAPE, pipelineMAPE: pipelineMAPE, pipelineOverCleanSources: pipelineMAPE / cleanSourcesMAPE,
                pipelineOverCleanSameHomes: pipelineMAPE / cleanSameHomesMAPE, pipelineOverClean: pipelineMAPE / cleanMAPE,
                pipelineLabelsOff: Double(labelsOff) / Double(max(1, sameHomes.count)),
                featuresOff: featuresOff.mapValues { Double($0) / Double(max(1, sameHomes.count)) },
                withinGoal: pipelineMAPE <= cleanSourcesMAPE * goal)
        }
    }

    /// `clean` under the id and sale date of the pipeline's row of the same home.
    private static func relabelled(_ clean: FeatureRow, as pipelineRow: FeatureRow) -> FeatureRow {
        var row = clean
        row.homeId = pipelineRow.homeId
        row.labelDate = pipelineRow.labelDate
        return row
    }

    /// The inputs whose value differs between two rows of one home: missing on one side, a
    /// number more than 1 % off, another category.
    private static func differingInputs(_ row: FeatureRow, _ reference: FeatureRow) -> [String] {
        let numeric = Set(row.features.keys).union(reference.features.keys).filter { name in
            guard let value = row.features[name], let truth = reference.features[name] else { return true }
            return abs(value - truth) > 0.01 * max(abs(truth), 1)
        }
        let categorical = Set(row.categorical.keys).union(reference.categorical.keys).filter {
            row.categorical[$0] != reference.categorical[$0]
        }
        return Array(numeric) + Array(categorical)
    }

    /// Trains on `training` as the trainer does and returns the mean absolute percentage error
    /// of its predictions for `test` against `actual`.
    private func mape(
        training: [FeatureRow], test: [FeatureRow], actual: [Double], region: String, currency: String, folder: URL
    ) throws -> Double {
        let candidate = try BenchModelTraining.train(
            rows: training, region: region, currency: currency, trainer: trainer, folder: folder, at: observedAt,
            benchmark: "pipeline-training")
        var unlabelled = test
        for index in unlabelled.indices { unlabelled[index].target = nil }
        let data = try FeatureEncoder(parameters: candidate.parameters).dataset(rows: unlabelled, includeTarget: false)
        let predicted = try candidate.model.predict(data).map(\.value)
        return PriceMetrics(actual: actual, predicted: predicted).mape
    }

    /// Whether a true home is held out: one in `every` by the first byte of its id's SHA-256,
    /// the same on every run.
    private static func heldOut(_ trueHomeId: String, every: UInt8) -> Bool {
        Array(SHA256.hash(data: Data(trueHomeId.utf8)))[0] % every == 0
    }
}
