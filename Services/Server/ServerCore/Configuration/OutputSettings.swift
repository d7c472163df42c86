import Configuration
import Foundation
import NormalizerCore
import ServiceSupport

/// Post-processing of a prediction: rounding to the market's convention and the currency
/// table for answers in another currency than the region's.
public struct OutputSettings: Sendable, Equatable {
    /// Per region, the step values are rounded to (`1000`: to the nearest thousand); the
    /// interval is widened outwards to the same step.
    public var roundingSteps: [String: Double]
    /// The currency table (`server.currency.base`, `server.currency.rates`).
    public var exchangeRates: ExchangeRates

    /// Creates the settings.
    public init(roundingSteps: [String: Double], exchangeRates: ExchangeRates) {
        self.roundingSteps = roundingSteps
        self.exchangeRates = exchangeRates
    }

    /// Reads `server.rounding` (`REGION=step` for every region) and `server.currency`.
    ///
    /// - Throws: ``ServerError/Code/invalidConfiguration`` naming the key.
    init(reader: ConfigReader, regions: [String]) throws(ServerError) {
        let settings = RequiredSettings(reader: reader)
        let steps: [String: String]
        let rates: [String: String]
        let baseText: String
        do {
            steps = try settings.pairs("server.rounding")
            rates = try settings.pairs("server.currency.rates")
            baseText = try settings.string("server.currency.base")
        } catch {
            throw ServerError(.invalidConfiguration, reason: error.reason, field: error.input)
        }
        roundingSteps = [:]
        for region in regions {
            guard let text = steps[region], let step = Double(text), step > 0 else {
                throw ServerError(
                    .invalidConfiguration, reason: "every region needs a positive rounding step", field: "server.rounding",
                    input: region)
            }
            roundingSteps[region] = step
        }
        guard let base = CurrencyCode(rawValue: baseText) else {
            throw ServerError(.invalidConfiguration, reason: "not a currency code", field: "server.currency.base", input: baseText)
        }
        var table: [CurrencyCode: Decimal] = [:]
        for (code, text) in rates {
            guard let currency = CurrencyCode(rawValue: code), let rate = Decimal(string: text), rate > 0 else {
                throw ServerError(
                    .invalidConfiguration, reason: "an entry reads CODE=positive rate", field: "server.currency.rates",
                    input: "\(code)=\(text)")
            }
            table[currency] = rate
        }
        exchangeRates = ExchangeRates(base: base, rates: table)
    }
}
