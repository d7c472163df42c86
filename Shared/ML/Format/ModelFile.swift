import Foundation

/// Reads and writes model and checkpoint files.
///
/// A file is an 8-byte magic `HPMODEL\0`, the format version (`UInt32` LE),
/// the file's CRC-32 (`UInt32` LE, version 2; zero in version 1), the header length
/// (`UInt64` LE), a JSON header that
/// describes everything (features, bins, settings, metrics, training summary)
/// and refers to little-endian arrays in the binary section that follows,
/// which holds the trees. Doubles are stored bit for bit, so predictions after
/// loading are identical. The checksum is verified on every read, so a flipped bit is an
/// error instead of different predictions; version 1 files (no checksum) are still read.
/// The layout is documented in `docs/model-format.md`.
public enum ModelFile {
    /// The format's name in the header.
    public static let formatName = "homeprice-model"
    /// The version this code writes and the newest it reads (1: no checksum; 2: CRC-32).
    public static let formatVersion = 2
    static let magic: [UInt8] = Array("HPMODEL\0".utf8)

    /// Writes a model.
    public static func write(_ model: PriceModel, to path: String) throws(MLError) {
        var blobs = BinaryBlobs()
        var forests = ["point": forest(model.point, blobs: &blobs)]
        if let lower = model.lower { forests["lower"] = forest(lower, blobs: &blobs) }
        if let upper = model.upper { forests["upper"] = forest(upper, blobs: &blobs) }
        let interval: ModelFileHeader.Interval =
            switch model.interval {
            case .none: .init(method: "none")
            case .quantile(let coverage): .init(method: "quantile", coverage: coverage)
            case .conformal(let coverage, let halfWidth): .init(method: "conformal", coverage: coverage, halfWidth: halfWidth)
            }
        let header = ModelFileHeader(
            kind: "model", target: model.target, targetTransform: model.targetTransform,
            table: model.table, features: model.features, forests: forests,
            interval: interval, baseline: model.baseline, summary: model.summary,
            attachments: model.attachments.isEmpty ? nil : model.attachments)
        try save(header, blobs: blobs, to: path)
    }

    /// Reads a model.
    public static func readModel(from path: String) throws(MLError) -> PriceModel {
        let (header, models) = try load(path, kind: "model")
        guard let point = models["point"], let target = header.target, let transform = header.targetTransform,
            let summary = header.summary
        else {
            throw MLError(.invalidModelFile, "the model file lacks its point model or description", input: .init(path: path))
        }
        let interval: PriceModel.Interval
        switch header.interval?.method ?? "none" {
        case "quantile": interval = .quantile(coverage: header.interval?.coverage ?? 0)
        case "conformal": interval = .conformal(coverage: header.interval?.coverage ?? 0, halfWidth: header.interval?.halfWidth ?? 0)
        default: interval = .none
        }
        return PriceModel(
            target: target, targetTransform: transform, table: header.table ?? TableOptions(), point: point,
            lower: models["lower"], upper: models["upper"], interval: interval, baseline: header.baseline,
            summary: summary, attachments: header.attachments ?? [:])
    }

    /// Writes a training checkpoint.
    public static func write(_ checkpoint: Checkpoint, to path: String) throws(MLError) {
        var blobs = BinaryBlobs()
        let header = ModelFileHeader(
            kind: "checkpoint", features: checkpoint.model.features,
            forests: ["point": forest(checkpoint.model, blobs: &blobs)],
            checkpoint: .init(
                completedRounds: checkpoint.completedRounds, validHistory: checkpoint.validHistory,
                trainingRows: checkpoint.trainingRows))
        try save(header, blobs: blobs, to: path)
    }

    /// Reads a training checkpoint.
    public static func readCheckpoint(from path: String) throws(MLError) -> Checkpoint {
        let (header, models) = try load(path, kind: "checkpoint")
        guard let model = models["point"], let state = header.checkpoint else {
            throw MLError(.invalidModelFile, "the checkpoint file lacks its model or state", input: .init(path: path))
        }
        return Checkpoint(
            model: model, completedRounds: state.completedRounds, validHistory: state.validHistory,
            trainingRows: state.trainingRows)
    }

    private static func forest(_ model: GBMModel, blobs: inout BinaryBlobs) -> ModelFileHeader.Forest {
        let trees = model.trees
        var arrays: [String: BinaryBlobs.Reference] = [:]
        arrays["internalNodeCount"] = blobs.append(trees.map { Int32($0.internalNodeCount) }, type: "i32")
        arrays["leafCountPerTree"] = blobs.append(trees.map { Int32($0.leafValue.count) }, type: "i32")
        arrays["categoryWordsPerTree"] = blobs.append(trees.map { Int32($0.categoryWords.count) }, type: "i32")
        arrays["splitFeature"] = blobs.append(trees.flatMap(\.splitFeature), type: "i32")
        arrays["threshold"] = blobs.append(trees.flatMap(\.threshold), type: "f64")
        arrays["defaultLeft"] = blobs.append(trees.flatMap { $0.defaultLeft.map { UInt8($0 ? 1 : 0) } }, type: "u8")
        arrays["categoryStart"] = blobs.append(trees.flatMap(\.categoryStart), type: "i32")
        arrays["categoryWordCount"] = blobs.append(trees.flatMap(\.categoryWordCount), type: "i32")
        arrays["leftChild"] = blobs.append(trees.flatMap(\.leftChild), type: "i32")
        arrays["rightChild"] = blobs.append(trees.flatMap(\.rightChild), type: "i32")
        arrays["splitGain"] = blobs.append(trees.flatMap(\.splitGain), type: "f64")
        arrays["internalCount"] = blobs.append(trees.flatMap(\.internalCount), type: "f64")
        arrays["leafValue"] = blobs.append(trees.flatMap(\.leafValue), type: "f64")
        arrays["leafCount"] = blobs.append(trees.flatMap(\.leafCount), type: "f64")
        arrays["categoryWords"] = blobs.append(trees.flatMap(\.categoryWords), type: "u64")
        return .init(
            loss: model.config.loss, config: model.config, initScore: model.initScore, mappers: model.mappers,
            treeCount: trees.count, arrays: arrays)
    }

    private static func trees(_ forest: ModelFileHeader.Forest, bytes: UnsafeRawBufferPointer) throws(MLError) -> [Tree] {
        func array<T: BitwiseCopyable>(_ name: String, _ type: T.Type, _ code: String) throws(MLError) -> [T] {
            guard let reference = forest.arrays[name] else {
                throw MLError(.invalidModelFile, "missing tree array", input: .init(column: name))
            }
            return try BinaryBlobs.read(reference, as: type, expected: code, from: bytes)
        }
        let internalNodes = try array("internalNodeCount", Int32.self, "i32")
        let leaves = try array("leafCountPerTree", Int32.self, "i32")
        let wordCounts = try array("categoryWordsPerTree", Int32.self, "i32")
        let splitFeature = try array("splitFeature", Int32.self, "i32")
        let threshold = try array("threshold", Double.self, "f64")
        let defaultLeft = try array("defaultLeft", UInt8.self, "u8")
        let categoryStart = try array("categoryStart", Int32.self, "i32")
        let categoryWordCount = try array("categoryWordCount", Int32.self, "i32")
        let leftChild = try array("leftChild", Int32.self, "i32")
        let rightChild = try array("rightChild", Int32.self, "i32")
        let splitGain = try array("splitGain", Double.self, "f64")
        let internalCount = try array("internalCount", Double.self, "f64")
        let leafValue = try array("leafValue", Double.self, "f64")
        let leafCount = try array("leafCount", Double.self, "f64")
        let words = try array("categoryWords", UInt64.self, "u64")
        let nodeTotal = internalNodes.reduce(0) { $0 + Int($1) }, leafTotal = leaves.reduce(0) { $0 + Int($1) }
        guard internalNodes.count == forest.treeCount, leaves.count == forest.treeCount, wordCounts.count == forest.treeCount,
            [
                splitFeature.count, threshold.count, defaultLeft.count, categoryStart.count, categoryWordCount.count,
                leftChild.count, rightChild.count, splitGain.count, internalCount.count,
            ].allSatisfy({ $0 == nodeTotal }),
            leafValue.count == leafTotal, leafCount.count == leafTotal,
            words.count == wordCounts.reduce(0, { $0 + Int($1) })
        else {
            throw MLError(.invalidModelFile, "tree arrays have inconsistent lengths")
        }
        var result: [Tree] = []
        result.reserveCapacity(forest.treeCount)
        var node = 0, leaf = 0, word = 0
        let featureCount = forest.mappers.count
        for t in 0..<forest.treeCount {
            let nodes = node..<(node + Int(internalNodes[t])), leafRange = leaf..<(leaf + Int(leaves[t]))
            var tree = Tree()
            tree.splitFeature = Array(splitFeature[nodes])
            tree.threshold = Array(threshold[nodes])
            tree.defaultLeft = defaultLeft[nodes].map { $0 != 0 }
            tree.categoryStart = Array(categoryStart[nodes])
            tree.categoryWordCount = Array(categoryWordCount[nodes])
            tree.leftChild = Array(leftChild[nodes])
            tree.rightChild = Array(rightChild[nodes])
            tree.splitGain = Array(splitGain[nodes])
            tree.internalCount = Array(internalCount[nodes])
            tree.leafValue = Array(leafValue[leafRange])
            tree.leafCount = Array(leafCount[leafRange])
            tree.categoryWords = Array(words[word..<(word + Int(wordCounts[t]))])
            // Reject references that would send prediction out of bounds.
            let valid =
                tree.leafValue.count == tree.internalNodeCount + 1
                && tree.splitFeature.allSatisfy { $0 >= 0 && Int($0) < featureCount }
                && (tree.leftChild + tree.rightChild).allSatisfy {
                    $0 >= 0 ? Int($0) < tree.internalNodeCount : Int(~$0) < tree.leafValue.count
                }
                && zip(tree.categoryStart, tree.categoryWordCount).allSatisfy { $0 < 0 || Int($0) + Int($1) <= tree.categoryWords.count }
            guard valid else { throw MLError(.invalidModelFile, "tree \(t) has out-of-range references") }
            result.append(tree)
            node = nodes.upperBound
            leaf = leafRange.upperBound
            word += Int(wordCounts[t])
        }
        return result
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    private static func save(_ header: ModelFileHeader, blobs: BinaryBlobs, to path: String) throws(MLError) {
        let json: Data
        do {
            json = try encoder().encode(header)
        } catch {
            throw MLError(.invalidModelFile, "cannot encode the header: \(error)", input: .init(path: path))
        }
        var file = Data(magic)
        withUnsafeBytes(of: UInt32(formatVersion).littleEndian) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(0)) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - file.count % 8) % 8))
        file.append(blobs.data)
        let checksum = file.withUnsafeBytes { checksumOf($0) }
        withUnsafeBytes(of: checksum.littleEndian) { file.replaceSubrange(12..<16, with: $0) }
        do {
            try file.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw MLError(.io, "cannot write file: \(error.localizedDescription)", input: .init(path: path))
        }
    }

    private static func load(_ path: String, kind: String) throws(MLError) -> (ModelFileHeader, [String: GBMModel]) {
        let file: Data
        do {
            file = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw MLError(.io, "cannot read file: \(error.localizedDescription)", input: .init(path: path))
        }
        let result: Result<(ModelFileHeader, [String: GBMModel]), MLError> = file.withUnsafeBytes { raw in
            do throws(MLError) {
                return .success(try parse(raw, kind: kind))
            } catch {
                return .failure(
                    MLError(
                        error.code, error.reason,
                        input: .init(
                            path: path, column: error.input.column,
                            value: error.input.value)))
            }
        }
        return try result.get()
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, kind: String) throws(MLError) -> (ModelFileHeader, [String: GBMModel]) {
        guard raw.count >= 24, Array(raw[0..<8]) == magic else {
            throw MLError(.invalidModelFile, "not a HomePrice model file (bad magic)")
        }
        let version = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
        guard version >= 1, version <= formatVersion else {
            throw MLError(.invalidModelFile, "unsupported format version", input: .init(value: "\(version)"))
        }
        let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        if version >= 2 {
            let computed = checksumOf(raw)
            guard stored == computed else {
                throw MLError(
                    .invalidModelFile, "the file is damaged: its checksum does not match its content",
                    input: .init(value: String(format: "stored %08x, computed %08x", stored, computed)))
            }
        } else if stored != 0 {
            throw MLError(.invalidModelFile, "the file is damaged: a version 1 file has a non-zero reserved field")
        }
        let headerLength = Int(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        guard headerLength >= 0, 24 + headerLength <= raw.count else {
            throw MLError(.invalidModelFile, "header length out of bounds")
        }
        let header: ModelFileHeader
        do {
            header = try decoder().decode(ModelFileHeader.self, from: Data(raw[24..<(24 + headerLength)]))
        } catch {
            throw MLError(.invalidModelFile, "unreadable header: \(error)")
        }
        guard header.format == formatName, header.kind == kind else {
            throw MLError(.invalidModelFile, "expected a \(kind) file", input: .init(value: header.kind))
        }
        let binaryStart = (24 + headerLength + 7) / 8 * 8
        let bytes = UnsafeRawBufferPointer(rebasing: raw[min(binaryStart, raw.count)...])
        var models: [String: GBMModel] = [:]
        for (role, forest) in header.forests {
            guard forest.mappers.count == header.features.count else {
                throw MLError(.invalidModelFile, "bin mappers do not match the features", input: .init(column: role))
            }
            let trees = try trees(forest, bytes: bytes)
            models[role] = GBMModel(
                features: header.features, mappers: forest.mappers, config: forest.config,
                initScore: forest.initScore, trees: trees)
        }
        return (header, models)
    }

    /// The CRC-32 of a whole file with its checksum field (bytes 12–15) read as zero.
    private static func checksumOf(_ file: UnsafeRawBufferPointer) -> UInt32 {
        let head = CRC32.checksum(UnsafeRawBufferPointer(rebasing: file[0..<12]))
        let zeros = withUnsafeBytes(of: UInt32(0)) { CRC32.checksum($0, continuing: head) }
        return CRC32.checksum(UnsafeRawBufferPointer(rebasing: file[16...]), continuing: zeros)
    }
}
