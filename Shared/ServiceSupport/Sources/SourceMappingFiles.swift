import Foundation
import Schema

/// Loads the source mapping files of `configs/sources/`, one source per `<id>.yaml` file.
///
/// A source producer announces itself with
/// `try SourceMappingFiles.descriptor(sourceId: id, layout: layout, publishedAt: Date())`;
/// the normalizer loads the whole folder as its fallback catalog.
public enum SourceMappingFiles {
    /// The mapping file of a source: `configs/sources/<sourceId>.yaml`.
    public static func file(sourceId: String, layout: ProjectLayout) -> URL {
        layout.configs.appendingPathComponent("sources").appendingPathComponent("\(sourceId).yaml")
    }

    /// Reads the mapping file of a source and checks that it describes that source.
    /// - Throws: ``ServiceSupportError/Code/invalidConfiguration`` when the file cannot be read,
    ///   ``ServiceSupportError/Code/invalidMapping`` when it is not a mapping or names another id.
    public static func descriptor(sourceId: String, layout: ProjectLayout, publishedAt: Date) throws(ServiceSupportError)
        -> SourceDescriptor
    {
        let file = file(sourceId: sourceId, layout: layout)
        let descriptor = try load(file: file, publishedAt: publishedAt)
        guard descriptor.id == sourceId else {
            throw ServiceSupportError(
                code: .invalidMapping, reason: "the file describes source \(descriptor.id), not \(sourceId)", input: file.path)
        }
        return descriptor
    }

    /// Reads one mapping file.
    /// - Throws: ``ServiceSupportError/Code/invalidConfiguration`` when the file cannot be read,
    ///   ``ServiceSupportError/Code/invalidMapping`` when it is not a mapping.
    public static func load(file: URL, publishedAt: Date) throws(ServiceSupportError) -> SourceDescriptor {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ServiceSupportError(code: .invalidConfiguration, reason: "cannot read the mapping file", input: file.path)
        }
        return try SourceMappingDocument(yaml: text, origin: file.path).descriptor(publishedAt: publishedAt)
    }

    /// Reads every `*.yaml` (or `*.yml`) file of a folder, in name order; subfolders are skipped.
    /// - Throws: ``ServiceSupportError/Code/invalidConfiguration`` when the folder or a file cannot be
    ///   read, ``ServiceSupportError/Code/invalidMapping`` naming the file that is not a mapping.
    public static func loadAll(directory: URL, publishedAt: Date) throws(ServiceSupportError) -> [SourceDescriptor] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ServiceSupportError(code: .invalidConfiguration, reason: "cannot list the source mappings", input: directory.path)
        }
        var descriptors: [SourceDescriptor] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            descriptors.append(try load(file: directory.appendingPathComponent(name), publishedAt: publishedAt))
        }
        return descriptors
    }
}
