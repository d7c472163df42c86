import Foundation
import Schema

extension ParsedRecord {
    /// The raw record a producer of `source` publishes for this record, read from `url` at
    /// `fetchedAt`.
    public func rawRecord(source: SourceDescriptor, url: URL?, fetchedAt: Date) -> RawRecord {
        RawRecord(
            sourceId: source.id, recordId: recordId, region: source.region, fetchedAt: fetchedAt,
            contentType: ProducerConfiguration.contentType(of: source.format), payload: payload, url: url,
            metadata: ["location": location])
    }
}
