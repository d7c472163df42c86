import Foundation
import ModelRegistry
import Schema

/// One training run, fixed before it starts and saved in its own folder, so that a trainer
/// killed mid-run resumes exactly the same run (same version, same rows, same split) from its
/// last checkpoint.
public struct TrainingJob: Codable, Sendable, Equatable {
    /// The model, for example `homeprice-de`.
    public var modelName: String
    /// The version this run will register.
    public var version: String
    /// The region.
    public var region: String
    /// The region's currency: labels and predictions are in it.
    public var currency: String
    /// What started the run.
    public var trigger: TrainingTrigger
    /// When the run was planned.
    public var createdAt: Date
    /// The store sequence the run's data reflects (the region's new "trained through").
    public var sequence: Int
    /// The older labelled rows, to fit on (ordered by sale date, then home id).
    public var training: [FeatureRow]
    /// The newest labelled rows, to validate and to compare with the champion on.
    public var validation: [FeatureRow]

    /// The folder name of the job: `<model>@<version>`.
    public var folderName: String { "\(modelName)@\(version)" }

    /// Plans a run on `rows` (sorted by sale date): the newest `validationFraction` validate.
    /// - Throws: ``TrainerError/Code/notEnoughData`` when there are fewer than `minimumRows`.
    public static func plan(
        modelName: String, version: String, region: String, currency: String, trigger: TrainingTrigger, rows: [LabelledRow],
        minimumRows: Int, validationFraction: Double, sequence: Int, at date: Date
    ) throws(TrainerError) -> TrainingJob {
        guard rows.count >= minimumRows else {
            throw TrainerError(
                .notEnoughData, reason: "\(rows.count) labelled homes, at least \(minimumRows) are needed; the current model stays",
                input: region)
        }
        let validationCount = max(1, Int((Double(rows.count) * validationFraction).rounded()))
        let split = rows.count - validationCount
        return TrainingJob(
            modelName: modelName, version: version, region: region, currency: currency, trigger: trigger, createdAt: date,
            sequence: sequence, training: rows[..<split].map(\.row), validation: rows[split...].map(\.row))
    }

    /// The first and last sale dates of the rows, and the last of the training rows.
    public var dataWindow: DataWindow {
        let dates = (training + validation).compactMap(\.labelDate)
        return DataWindow(
            firstLabelDate: dates.min() ?? createdAt, lastLabelDate: dates.max() ?? createdAt,
            trainingLastLabelDate: training.compactMap(\.labelDate).max())
    }
}
