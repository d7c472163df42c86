import Metrics
import Pipeline
import Schema

/// `normalizer_unmapped_terms_total{source, field}`: the terms no vocabulary knows, counted from
/// the unmapped-terms reports a batch publishes (``Normalizer/unmappedTermsEventName``), once the
/// batch's outcomes are final, so a region's records stored again unconfined are not counted
/// twice.
struct UnmappedTermCounts {
    let metrics: any MetricsFactory

    /// Counts every unmapped term reported among `outcomes`' outputs.
    func count(in outcomes: [MessageOutcome]) {
        for case let report as MonitoringEvent in outcomes.lazy.flatMap(\.outputs) where report.name == Normalizer.unmappedTermsEventName {
            let source = report.labels["source"] ?? ""
            for field in (report.labels["fields"] ?? "").split(separator: ",") {
                Counter(
                    label: "normalizer_unmapped_terms_total", dimensions: [("source", source), ("field", String(field))], factory: metrics
                )
                .increment()
            }
        }
    }
}
