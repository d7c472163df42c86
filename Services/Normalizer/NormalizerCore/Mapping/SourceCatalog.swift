import Foundation
import Schema
import ServiceSupport

/// The mappings the normalizer knows, by source id: those of `configs/sources/*.yaml`, replaced
/// by the catalog entries sources publish on `sources.catalog`.
///
/// `sources.catalog` is read as "latest value per key": an entry replaces the known one unless
/// it was published earlier. Mapping files count as published at the distant past, so any
/// live entry wins over a file.
public struct SourceCatalog: Sendable {
    /// The known sources, by id.
    public private(set) var descriptors: [String: SourceDescriptor]
    /// Each known source's mapper, made once when its descriptor is taken, or why its mapping
    /// is invalid.
    private var mappers: [String: Result<RecordMapper, NormalizationError>] = [:]

    /// Creates a catalog of the given sources; for one id, the latest published wins.
    public init(_ descriptors: [SourceDescriptor] = []) {
        self.descriptors = [:]
        for descriptor in descriptors {
            update(descriptor)
        }
    }

    /// Loads every `*.yaml` file of a folder, one source per file, as published at the distant past
    /// (through ServiceSupport's ``ServiceSupport/SourceMappingFiles``, which producers share).
    /// - Throws: ``NormalizationError/Code/invalidMapping`` naming the file that is not a mapping,
    ///   ``NormalizationError/Code/unreadableFile`` when the folder or a file cannot be read.
    public static func load(directory: URL) throws(NormalizationError) -> SourceCatalog {
        do {
            return SourceCatalog(try SourceMappingFiles.loadAll(directory: directory, publishedAt: .distantPast))
        } catch {
            throw NormalizationError(mappingLoad: error)
        }
    }

    /// Reads one mapping file, as published at the distant past.
    /// - Throws: ``NormalizationError/Code/unreadableFile`` or ``NormalizationError/Code/invalidMapping``.
    public static func loadMapping(file: URL) throws(NormalizationError) -> SourceDescriptor {
        do {
            return try SourceMappingFiles.load(file: file, publishedAt: .distantPast)
        } catch {
            throw NormalizationError(mappingLoad: error)
        }
    }

    /// Takes a source's descriptor unless a later one is already known.
    /// - Returns: Whether the descriptor was taken.
    @discardableResult
    public mutating func update(_ descriptor: SourceDescriptor) -> Bool {
        if let known = descriptors[descriptor.id], known.publishedAt > descriptor.publishedAt {
            return false
        }
        descriptors[descriptor.id] = descriptor
        mappers[descriptor.id] = Result { () throws(NormalizationError) in try RecordMapper(descriptor: descriptor) }
        return true
    }

    /// The mapper of a source, or the error of its invalid mapping; `nil` for an unknown source.
    public func mapper(for sourceId: String) -> Result<RecordMapper, NormalizationError>? {
        mappers[sourceId]
    }

    /// The descriptor of a source, if known.
    public subscript(sourceId: String) -> SourceDescriptor? {
        descriptors[sourceId]
    }
}
