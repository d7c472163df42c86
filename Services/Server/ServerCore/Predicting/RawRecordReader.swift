import Foundation
import NormalizerCore
import Schema
import Synchronization

/// Turns a raw record of a known source into canonical home features with the normalizer's
/// own mapping and parsers (``NormalizerCore/SingleRecordNormalizer``).
///
/// The sources are the configured mappings (`configs/sources`) and every later entry of
/// `sources.catalog` (``update(_:)``), as the normalizer knows them.
public final class RawRecordReader: Sendable {
    private let catalog: Mutex<SourceCatalog>
    private let normalizer: SingleRecordNormalizer

    /// Creates a reader over the known `catalog`, with the normalizer's settings.
    public init(catalog: SourceCatalog, configuration: NormalizerConfiguration) {
        self.catalog = Mutex(catalog)
        normalizer = SingleRecordNormalizer(configuration: configuration)
    }

    /// The fields of a sale rather than of the home: the price, what it stands for and its dates.
    private static let saleFields = [
        CanonicalField.price, .priceAmount, .priceCurrency, .priceKind, .priceDate, .listingDate, .saleDate,
    ].map(\.rawValue)

    /// Takes a source's catalog entry unless a later one is known.
    public func update(_ descriptor: SourceDescriptor) {
        _ = catalog.withLock { $0.update(descriptor) }
    }

    /// The canonical features of `payload`, a record of `sourceId`: a JSON object for JSON
    /// sources, the record's text (a CSV line with its header, an XML element) for the others.
    ///
    /// - Throws: ``ServerError/Code/unknownSource`` naming `source`,
    ///   ``ServerError/Code/unmappableRecord`` naming the first failing field under `record`.
    public func features(sourceId: String, payload: String, recordId: String, at date: Date) throws(ServerError) -> HomeFeatures {
        guard var source = catalog.withLock({ $0[sourceId] }) else {
            throw ServerError(.unknownSource, reason: "no mapping is known for this source", field: "source", input: sourceId)
        }
        // A home to be priced has no sale yet: what a source requires of its sales (a register's
        // price and sale date) is optional here; everything else is read as the normalizer does.
        for field in Self.saleFields where source.mapping[field]?.required == true { source.mapping[field]?.required = nil }
        let record = RawRecord(
            sourceId: sourceId, recordId: recordId, region: source.region, fetchedAt: date, contentType: source.format.contentType,
            payload: payload)
        switch normalizer.home(from: record, source: source, at: date) {
        case .success(let home):
            return home.features
        case .failure(let failure):
            let first = failure.errors.first
            throw ServerError(
                .unmappableRecord, reason: failure.errors.map(\.reason).joined(separator: "; "),
                field: "record" + (first?.field.map { ".\($0)" } ?? ""), input: first?.input)
        }
    }
}
