/// The rows of the bin matrix as fixed-size records that move with their leaf.
///
/// A record holds the row's bins (padded to 8 bytes), its row index (`UInt32`)
/// and its current quantised gradient (`Int32`, see ``GradientScale``), `stride` bytes in all. There are two
/// buffers: a split reads its leaf from one and writes the two children, each
/// contiguous, into the other, so histograms always stream memory in order.
///
/// Its stored properties never change; parallel writers touch disjoint records.
final class RowRecords: @unchecked Sendable {
    let stride: Int
    let capacity: Int
    private let buffers: [UnsafeMutableRawPointer]

    init(rows: Int, featureCount: Int) {
        stride = (featureCount + 7) / 8 * 8 + 8
        capacity = rows
        buffers = (0..<2).map { _ in
            UnsafeMutableRawPointer.allocate(byteCount: max(1, rows * ((featureCount + 7) / 8 * 8 + 8)), alignment: 8)
        }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// The start of record `index` in buffer `buffer`.
    @inline(__always)
    func record(_ index: Int, in buffer: Int) -> UnsafeMutableRawPointer {
        buffers[buffer] + index * stride
    }

    /// The row index stored in a record.
    @inline(__always)
    func row(_ record: UnsafeRawPointer) -> Int {
        Int(record.load(fromByteOffset: stride - 8, as: UInt32.self))
    }
}
