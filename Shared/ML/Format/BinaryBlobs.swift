import Foundation

/// The binary section of a model file: little-endian arrays, each 8-byte aligned,
/// referred to from the JSON header by ``Reference``.
struct BinaryBlobs {
    /// Where one array lives in the binary section.
    struct Reference: Codable, Equatable {
        /// Byte offset from the start of the binary section.
        var offset: Int
        /// Number of elements.
        var count: Int
        /// Element type: `f64`, `i32`, `u8` or `u64`.
        var type: String
    }

    private(set) var data = Data()

    /// Appends an array and returns its reference.
    mutating func append<T: BitwiseCopyable>(_ values: [T], type: String) -> Reference {
        let reference = Reference(offset: data.count, count: values.count, type: type)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        let padding = (8 - data.count % 8) % 8
        data.append(contentsOf: [UInt8](repeating: 0, count: padding))
        return reference
    }

    /// Reads an array back from `bytes` (the binary section).
    static func read<T: BitwiseCopyable>(
        _ reference: Reference, as type: T.Type, expected: String,
        from bytes: UnsafeRawBufferPointer
    ) throws(MLError) -> [T] {
        let size = MemoryLayout<T>.stride
        guard reference.type == expected, reference.count >= 0, reference.offset >= 0,
            reference.offset + reference.count * size <= bytes.count
        else {
            throw MLError(
                .invalidModelFile, "array reference out of bounds or of the wrong type",
                input: .init(value: "\(reference)"))
        }
        return [T](unsafeUninitializedCapacity: reference.count) { buffer, initialized in
            if reference.count > 0 {
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[reference.offset..<(reference.offset + reference.count * size)]))
            }
            initialized = reference.count
        }
    }
}
