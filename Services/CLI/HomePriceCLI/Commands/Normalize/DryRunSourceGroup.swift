import ArgumentParser

/// One `--source ID[:MAPPING] [--mapping FILE] [--producer FILE] [--record-id PATH] FILE…`
/// group of `homeprice normalize`: a source, the files holding its records, and optionally its
/// own mapping and producer files (anywhere) or, for a source without a producer, where each
/// record's id is.
struct DryRunSourceGroup: Equatable {
    /// The source id.
    var sourceId: String
    /// A mapping file to use instead of `configs/sources/<id>.yaml`.
    var mapping: String?
    /// A producer file to read the files with instead of `configs/sources/producers/<id>.yaml`.
    var producer: String?
    /// Where the record id is, for a source without a producer file.
    var recordId: String?
    /// The files holding the source's records.
    var files: [String] = []

    /// Splits the command line's group arguments into groups, in order.
    ///
    /// Every group names its own mapping (or none, for the configured one): a mapping is never
    /// carried over to another group, and one source given twice with different mappings is
    /// refused rather than one mapping silently winning.
    /// - Throws: `ValidationError` naming the argument that does not fit.
    static func parse(_ arguments: [String]) throws -> [DryRunSourceGroup] {
        var groups: [DryRunSourceGroup] = []
        var remaining = arguments[...]
        func value(after option: String) throws -> String {
            guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                throw ValidationError("\(option) needs a value")
            }
            return value
        }
        while let argument = remaining.popFirst() {
            if argument == "--source" {
                let text = try value(after: argument)
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard let id = parts.first, !id.isEmpty else { throw ValidationError("--source needs an id: \(text)") }
                groups.append(DryRunSourceGroup(sourceId: id, mapping: parts.count == 2 ? parts[1] : nil))
                continue
            }
            guard var group = groups.popLast() else {
                throw ValidationError("\(argument) comes before any --source ID: each file belongs to the source named before it")
            }
            switch argument {
            case "--mapping":
                guard group.mapping == nil else { throw ValidationError("source \(group.sourceId) has two mappings") }
                group.mapping = try value(after: argument)
            case "--producer":
                guard group.producer == nil else { throw ValidationError("source \(group.sourceId) has two producer files") }
                group.producer = try value(after: argument)
            case "--record-id":
                group.recordId = try value(after: argument)
            case let option where option.hasPrefix("--"):
                throw ValidationError("unknown option \(option)")
            default:
                group.files.append(argument)
            }
            groups.append(group)
        }
        guard !groups.isEmpty else { throw ValidationError("give at least one --source ID FILE…") }
        for group in groups where group.files.isEmpty {
            throw ValidationError("--source \(group.sourceId) has no files")
        }
        for group in groups {
            let mappings = Set(groups.filter { $0.sourceId == group.sourceId }.map { $0.mapping ?? "" })
            guard mappings.count == 1 else {
                throw ValidationError("source \(group.sourceId) is given with different mappings; a run reads each source with one mapping")
            }
        }
        return groups
    }
}
