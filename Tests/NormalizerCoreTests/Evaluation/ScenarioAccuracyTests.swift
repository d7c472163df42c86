import Foundation
import NormalizerCore
import NormalizerEvaluation
import Scenario
import Schema
import TestSupport
import Testing

@Suite("Accuracy over the scenario's ground truth")
struct ScenarioAccuracyTests {
    /// A fetch time after every real build year and before the scenario's synthetic future ones.
    static let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    /// A scenario normalized record by record, with its ground truth.
    struct NormalizedScenario: Sendable {
        var records: Int
        var truth: GroundTruth
        var homes: [Home]
        var deadLetters: [DeadLetter]
        var reviewTasks: Set<String>
    }

    /// The 400-home scenario both tests read, generated and normalized once for the suite.
    static let shared = Task { try await normalizedScenario() }

    /// Generates a 400-home scenario and normalizes each of its records in turn.
    static func normalizedScenario() async throws -> NormalizedScenario {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-accuracy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ScenarioGenerator(
            parameters: .init(
                seed: 20_240_501, homes: 400, output: folder, seedData: TestProject.layout.root.appendingPathComponent("data"),
                recordsPerDropFile: 150)
        ).generate()
        let records = try ScenarioRecords.load(folder: folder, fetchedAt: Self.fetchedAt)
        let truth = try GroundTruth.load(folder: folder)

        let normalizer = try await SeedScenario.normalizer()
        var deadLetters: [DeadLetter] = []
        var reviewTasks: Set<String> = []
        for record in records {
            let output = try normalizer.normalize(record)
            deadLetters += output.deadLetters
            reviewTasks.formUnion(output.reviewTasks.map(\.taskId))
        }
        return NormalizedScenario(
            records: records.count, truth: truth, homes: try normalizer.store.homes(), deadLetters: deadLetters,
            reviewTasks: reviewTasks)
    }

    @Test("every source's records normalize into homes whose fields and duplicate clusters match the ground truth")
    func accuracyOverGroundTruth() async throws {
        let scenario = try await Self.shared.value
        #expect(scenario.records == scenario.truth.entries.count, "every ground-truth record is read from the scenario files")
        let (truth, deadLetters, reviewTasks) = (scenario.truth, scenario.deadLetters, scenario.reviewTasks)
        let report = ScenarioEvaluation.evaluate(
            homes: scenario.homes, truth: truth, records: scenario.records, deadLettered: deadLetters.count)
        print(EvaluationSummary.text(report))

        // The only records the scenario gets wrong on purpose that the normalizer must reject are
        // the synthetic German homes "built" years after the fetch; no other record may fail.
        #expect(deadLetters.allSatisfy { $0.reasons.map(\.field) == ["builtYear"] }, "\(deadLetters.map(\.reasons))")
        #expect(Double(report.deadLettered) <= 0.02 * Double(report.records))
        #expect(report.normalized + report.deadLettered == report.records)
        // Values: every parser and mapping gets its field right at least 95 % of the time. One
        // field has a known, documented loss: the street carries the scenario's typos (3 % of
        // text fields, and a merge keeps the most trusted spelling, not always the right one).
        // Bathrooms are exact: us-county-sales' full and half baths add up in its mapping.
        let floors = ["address.street": 0.93]
        for score in report.fields {
            #expect(score.accuracy >= floors[score.field, default: 0.95], "\(score.field): \(score.accuracy)")
        }
        #expect(report.overallAccuracy >= 0.97)
        // Coverage: a value is missing only when the scenario left it out (6 % of optional fields)
        // or no source of the home carries it; the always-present fields must always come through.
        for field in ["address.houseNumber", "address.city", "address.postalCode", "price"] {
            #expect(report[field]?.coverage == 1, "\(field)")
        }
        // Duplicates: blocking on postal code and street plus the similarity threshold must find
        // nearly every cross-source pair (recall) and almost never merge two different homes
        // (precision); typos in streets are what may split a cluster.
        #expect(report.clusters.precision >= 0.98)
        #expect(report.clusters.recall >= 0.95)
        #expect(report.clusters.f1 >= 0.96)
        #expect(report.homes <= report.trueHomes + report.trueHomes / 20)
        // Review tasks only for pairs a person could decide: at most 5 % of the homes.
        #expect(Double(reviewTasks.count) <= 0.05 * Double(report.homes), "\(reviewTasks.count) review tasks for \(report.homes) homes")
    }

    /// The provenance keys under which the normalizer records each fact.
    static let provenanceKeys: [String: HomeFact] = [
        "propertyType": .propertyType, "coordinates.latitude": .coordinates, "livingArea": .livingArea, "lotArea": .lotArea,
        "rooms": .rooms, "bedrooms": .bedrooms, "bathrooms": .bathrooms, "garageSpaces": .garageSpaces,
        "builtYear": .builtYear, "builtMonth": .builtMonth, "heating": .heating, "cooling": .cooling,
    ]

    @Test("the normalizer reads from each record exactly the facts its ground truth says it states")
    func statedFactsMatchWhatTheNormalizerReads() async throws {
        let scenario = try await Self.shared.value
        // Which record gave which fact, by the homes' provenance.
        var read: [HomeFact: Set<String>] = [:]
        var normalizedRecords: Set<String> = []
        for home in scenario.homes {
            for (key, entries) in home.provenance {
                let recordKeys = entries.map { "\($0.sourceId)/\($0.recordId)" }
                normalizedRecords.formUnion(recordKeys)
                if let fact = Self.provenanceKeys[key] { read[fact, default: []].formUnion(recordKeys) }
            }
        }
        // Per source and fact, over the normalized records whose true home has the fact.
        var stated: [String: Int] = [:]
        var statedButNotRead: [String: Int] = [:]
        var readButNotStated: [String: Int] = [:]
        for key in normalizedRecords {
            guard let entry = scenario.truth.entries[key], let source = ScenarioSource(rawValue: entry.sourceId) else {
                Issue.record("\(key) is not a scenario record")
                continue
            }
            for fact in HomeFact.allCases where fact.isStated(in: entry.home) {
                let name = "\(source.id) \(fact.rawValue)"
                let wasRead = read[fact, default: []].contains(key)
                if entry.statedFacts.contains(fact) {
                    stated[name, default: 0] += 1
                    if !wasRead { statedButNotRead[name, default: 0] += 1 }
                } else if wasRead {
                    readButNotStated[name, default: 0] += 1
                }
            }
        }
        #expect(readButNotStated.isEmpty, "facts read that the records do not state: \(readButNotStated)")
        #expect(statedButNotRead.isEmpty, "facts stated that the normalizer did not read: \(statedButNotRead)")
        // Every fact a source is declared to carry is stated by some of its records.
        for source in ScenarioSource.allCases {
            for fact in source.facts {
                #expect(
                    stated["\(source.id) \(fact.rawValue)"] ?? 0 > 0,
                    "\(source.id) carries \(fact.rawValue), which none of its records states")
            }
        }
    }
}
