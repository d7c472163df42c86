import Features
import Foundation
import Logging
import ML
import Metrics
import NormalizerCore
import Schema

/// The serving core: routes one home to a model, runs the shared feature path and the model,
/// and post-processes the answer (interval clipping, currency, rounding, explanation in money,
/// review task). It keeps no state: the models come from the ``ModelSnapshot`` and the plans
/// from the ``ExperimentTable`` the caller passes.
public struct Predictor: Sendable {
    /// The server's settings.
    public let configuration: ServerConfiguration
    private static let logger = Logger(label: "homeprice.server.predictor")

    /// Creates a predictor.
    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Prices `input` with the models of `snapshot`, routed by `experiments`.
    ///
    /// - Throws: ``ServerError`` naming the field: an unknown region or currency, a version or
    ///   alias that is not loaded, a region without a servable model.
    public func predict(
        _ input: PredictionInput, snapshot: ModelSnapshot, experiments: ExperimentTable, at date: Date
    ) throws(ServerError) -> PredictionOutcome {
        let region = input.features.region
        guard let regionSettings = configuration.features.region(region) else {
            throw ServerError(
                .unknownRegion, reason: "no model serves this region; known: \(configuration.features.regions.keys.sorted())",
                field: "region", input: region)
        }
        let name = configuration.modelName(of: region)
        let currency = try answerCurrency(input.currency, region: regionSettings.currency)
        let experiment = experiments.experiment(for: region)
        let model: LoadedModel
        var arm: ExperimentArm
        var experimentId: String?
        if let target = input.target {
            guard let requested = snapshot.model(target, of: name) else {
                let field = if case .alias = target { "modelAlias" } else { "modelVersion" }
                throw ServerError(
                    .unknownModel, reason: "\(name) has no loaded version for \(target)", field: field, input: target.description)
            }
            (model, arm) = (requested, .requested)
        } else {
            let assigned = ArmAssignment.assign(clientId: input.clientId, in: experiment)
            if let chosen = snapshot.model(assigned.target, of: name) {
                (model, arm) = (chosen, assigned.arm)
                experimentId = assigned.arm == .defaultRoute ? nil : experiment.id
            } else if let control = snapshot.model(experiment.control, of: name) {
                // The candidate is not loaded (refused, archived): the control serves, outside the experiment.
                (model, arm) = (control, .defaultRoute)
            } else {
                throw ServerError(
                    .noServableModel, reason: "\(name) has no loaded \(experiment.control) yet", field: "region", input: region)
            }
        }
        let prepared = model.features.prepare(input.features, at: date)
        let (served, explanation) = try score(
            model, prepared: prepared, input: input, predictionId: input.requestId, arm: arm, experimentId: experimentId,
            currency: currency, regionCurrency: regionSettings.currency, at: date)
        var shadows: [Prediction] = []
        if input.target == nil, let shadowTarget = experiment.shadow, let shadow = snapshot.model(shadowTarget, of: name),
            shadow.key != model.key
        {
            // A shadow never changes the answer, not even by failing: it is logged and counted.
            do {
                let shadowInput = shadow.features.prepare(input.features, at: date)
                let (prediction, _) = try score(
                    shadow, prepared: shadowInput,
                    input: PredictionInput(requestId: input.requestId, clientId: input.clientId, features: input.features),
                    predictionId: "\(input.requestId)~shadow", arm: .shadow, experimentId: experiment.id, currency: currency,
                    regionCurrency: regionSettings.currency, at: date)
                shadows.append(prediction)
            } catch {
                Counter(label: "server_shadow_failures_total", dimensions: [("region", region)]).increment()
                Self.logger.warning(
                    "the shadow failed to score; the answer is the served model's",
                    metadata: ["model": "\(shadow.key)", "request": "\(input.requestId)", "error": "\(error)"])
            }
        }
        return PredictionOutcome(
            served: served, explanation: explanation, shadows: shadows, reviewTask: reviewTask(for: served, at: date),
            issues: prepared.extracted.issues.map(\.description) + prepared.clippedFeatures.map { "\($0): clipped to the training range" })
    }

    /// One model's post-processed prediction of a prepared input.
    private func score(
        _ model: LoadedModel, prepared: ServingInput, input: PredictionInput, predictionId: String, arm: ExperimentArm,
        experimentId: String?, currency: String, regionCurrency: String, at date: Date
    ) throws(ServerError) -> (Prediction, [FeatureContribution]?) {
        let raw: PricePrediction
        var contributions: [FeatureContribution]?
        do {
            if input.explain > 0 {
                let data = try Dataset(features: model.model.features, rowCount: 1, values: prepared.values)
                let explained = try model.model.explain(data, top: min(input.explain, configuration.maxExplanationFeatures))[0]
                raw = explained.prediction
                contributions = Self.money(explained, model: model.model)
            } else {
                raw = try model.predictor.predict(row: prepared.values)
            }
        } catch {
            throw ServerError(.modelRefused, reason: "the model cannot score the input: \(error)", input: model.key)
        }
        let factor = try exchangeFactor(from: regionCurrency, to: currency)
        let step = configuration.output.roundingSteps[input.features.region] ?? 1
        let value = raw.value * factor
        let lower = max(0, min(raw.lower ?? raw.value, raw.value)) * factor
        let upper = max(raw.upper ?? raw.value, raw.value) * factor
        let prediction = Prediction(
            predictionId: predictionId, requestId: input.requestId, region: input.features.region, modelName: model.name,
            modelVersion: model.version, arm: arm, experimentId: experimentId, value: (value / step).rounded() * step,
            interval: PredictionInterval(
                lower: (lower / step).rounded(.down) * step, upper: (upper / step).rounded(.up) * step,
                confidence: raw.lower == nil ? 0 : model.coverage ?? 0),
            currency: currency,
            contributions: contributions.map { Dictionary($0.map { ($0.feature, $0.contribution * factor) }) { first, _ in first } },
            predictedAt: date)
        return (prediction, contributions?.map { FeatureContribution(feature: $0.feature, contribution: $0.contribution * factor) })
    }

    /// Contributions in money: for a log-price model the raw (log) contributions share the
    /// distance between the price and the baseline's price in proportion; otherwise they are
    /// money already. Either way they add up to the price minus the baseline's price (the top
    /// ones plus the rest).
    static func money(_ explanation: PredictionExplanation, model: PriceModel) -> [FeatureContribution] {
        switch model.targetTransform {
        case .identity:
            return explanation.top.map { FeatureContribution(feature: $0.feature, contribution: $0.contribution) }
        case .log:
            let rawDistance = explanation.raw - explanation.baseValue
            let moneyDistance = model.untransform(explanation.raw) - model.untransform(explanation.baseValue)
            let scale = rawDistance == 0 ? 0 : moneyDistance / rawDistance
            return explanation.top.map { FeatureContribution(feature: $0.feature, contribution: $0.contribution * scale) }
        }
    }

    private func answerCurrency(_ requested: String?, region: String) throws(ServerError) -> String {
        guard let requested else { return region }
        guard let code = CurrencyCode(rawValue: requested) else {
            throw ServerError(.invalidRequest, reason: "not an ISO 4217 currency code", field: "currency", input: requested)
        }
        _ = try exchangeFactor(from: region, to: code.rawValue)
        return code.rawValue
    }

    private func exchangeFactor(from source: String, to target: String) throws(ServerError) -> Double {
        guard source != target else { return 1 }
        guard let from = CurrencyCode(rawValue: source), let to = CurrencyCode(rawValue: target),
            let rate = try? configuration.output.exchangeRates.rate(from: from, to: to)
        else {
            throw ServerError(.invalidRequest, reason: "the currency table has no rate for it", field: "currency", input: target)
        }
        return NSDecimalNumber(decimal: rate).doubleValue
    }

    /// A `lowConfidencePrediction` task when the interval is wider than the configured
    /// fraction of the value.
    private func reviewTask(for prediction: Prediction, at date: Date) -> ReviewTask? {
        let width = prediction.interval.upper - prediction.interval.lower
        guard prediction.value > 0, width / prediction.value > configuration.reviewIntervalFraction else { return nil }
        return ReviewTask(
            taskId: "review-\(prediction.predictionId)", kind: .lowConfidencePrediction, subjectIds: [prediction.predictionId],
            summary:
                "Is \(prediction.value) \(prediction.currency) right? The interval spans \(Int((width / prediction.value * 100).rounded())) % of it.",
            details: [
                "model": "\(prediction.modelName)@\(prediction.modelVersion)", "lower": "\(prediction.interval.lower)",
                "upper": "\(prediction.interval.upper)", "threshold": "\(configuration.reviewIntervalFraction)",
            ],
            createdBy: configuration.serviceName, createdAt: date)
    }
}
