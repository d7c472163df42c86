import Logging
import Metrics

/// A region's records of a batch stored again unconfined: logged at info and counted in
/// `normalizer_region_retries_total{region}`.
struct RegionRetries {
    let logger: Logger
    let metrics: any MetricsFactory

    /// Notes that `region`'s transaction failed with `error` and is done again unconfined.
    func note(region: String, error: NormalizationError) {
        logger.info(
            "a region's records reach into another region: stored again unconfined",
            metadata: ["region": "\(region)", "reason": "\(error.reason)", "record": "\(error.input ?? "")"])
        Counter(label: "normalizer_region_retries_total", dimensions: [("region", region)], factory: metrics).increment()
    }
}
