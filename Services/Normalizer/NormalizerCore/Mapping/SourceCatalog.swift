import Foundation
import Schema

/// The mappings the normalizer knows, by source id: those of `configs/sources/*.yaml`, replaced
/// by the catalog entries sources publish on `sources.catalog`.
///
/// `sources.catalog` is read as "latest value per key": an entry replaces the known one unless
/// it was published earlier. Mapping files count as published at the distant past, so any
/// live entry wins over a file.
public struct SourceCatalog: Sendable {
    /// The known sources, by id.
    public private(set) var descriptors: [String: SourceDescriptor]

    /// Creates a catalog of the given sources; for one id, the latest published wins.
    public init(_ descriptors: [SourceDescriptor] = []) {
        self.descriptors = [:]
        for descriptor in descriptors {
            update(descriptor)
        }
    }

    /// Loads every `*.yaml` file of a folder, one source per file.
    /// - Throws: ``NormalizationError/Code/invalidMapping`` naming the file that is not a mapping,
    ///   ``NormalizationError/Code/unreadableFile`` when the folder cannot be listed.
    public static func load(directory: URL) throws(NormalizationError) -> SourceCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw NormalizationError(.unreadableFile, reason: "cannot list the source mappings", input: directory.path)
        }
        var descriptors: [SourceDescriptor] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            descriptors.append(try loadMapping(file: directory.appendingPathComponent(name)))
        }
        return SourceCatalog(descriptors)
    }

    /// Reads one mapping file, as published at the distant past.
    /// - Throws: ``NormalizationError/Code/unreadableFile`` or ``NormalizationError/Code/invalidMapping``.
    public static func loadMapping(file: URL) throws(NormalizationError) -> SourceDescriptor {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw NormalizationError(.unreadableFile, reason: "cannot read the mapping file", input: file.path)
        }
        return try SourceMappingDocument.descriptor(yaml: text, origin: file.path, publishedAt: .distantPast)
    }

    /// Takes a source's descriptor unless a later one is already known.
    /// - Returns: Whether the descriptor was taken.
    @discardableResult
    public mutating func update(_ descriptor: SourceDescriptor) -> Bool {
        if let known = descriptors[descriptor.id], known.publishedAt > descriptor.publishedAt {
            return false
        }
        descriptors[descriptor.id] = descriptor
        return true
    }

    /// The descriptor of a source, if known.
    public subscript(sourceId: String) -> SourceDescriptor? {
        descriptors[sourceId]
    }
}
