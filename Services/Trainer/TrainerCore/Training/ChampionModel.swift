import Foundation
import ML
import Schema

/// The current champion a candidate is judged against: its version, its model (with its own
/// fitted feature parameters) and, from its card, the homes and the last sale date it learned
/// from.
public struct ChampionModel: Sendable {
    /// The champion's version.
    public var version: String
    /// The champion's model.
    public var model: PriceModel
    /// The ids of the homes it learned from; nil when its card does not say.
    public var trainedOn: Set<String>?
    /// The latest label date of its training rows; nil when its card does not say.
    public var trainedThrough: Date?

    /// Creates the champion's side of a judgement.
    public init(version: String, model: PriceModel, trainedOn: Set<String>?, trainedThrough: Date?) {
        self.version = version
        self.model = model
        self.trainedOn = trainedOn
        self.trainedThrough = trainedThrough
    }

    /// The indices of `rows` the champion cannot have learned from: homes not among its
    /// training homes or, when its card does not list them, sold after its training rows (all
    /// rows when neither is known).
    public func unseen(_ rows: [FeatureRow]) -> [Int] {
        if let trainedOn { return rows.indices.filter { !trainedOn.contains(rows[$0].homeId) } }
        guard let trainedThrough else { return Array(rows.indices) }
        return rows.indices.filter { index in rows[index].labelDate.map { $0 > trainedThrough } ?? false }
    }
}
