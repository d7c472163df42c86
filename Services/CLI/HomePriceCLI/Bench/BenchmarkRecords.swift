import Foundation

/// The benchmark's messages: keyed JSON documents of a fixed size, generated once so every
/// client sends exactly the same bytes.
struct BenchmarkRecords {
    let count: Int
    private let keys: [[UInt8]]
    private let values: [[UInt8]]

    /// `count` messages of about `bytes` bytes each.
    init(count: Int, bytes: Int) {
        self.count = count
        var keys: [[UInt8]] = []
        var values: [[UInt8]] = []
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        for index in 0..<count {
            let head = #"{"sourceId":"bench","recordId":"\#(index)","region":"US","payload":""#
            let tail = #""}"#
            let padding = String(repeating: "x", count: max(0, bytes - head.utf8.count - tail.utf8.count))
            keys.append(Array("bench/\(index)".utf8))
            values.append(Array((head + padding + tail).utf8))
        }
        self.keys = keys
        self.values = values
    }

    /// The key of message `index`.
    func key(_ index: Int) -> [UInt8] { keys[index] }

    /// The value of message `index`.
    func value(_ index: Int) -> [UInt8] { values[index] }

    /// Writes `key<TAB>value` lines, the input of kcat and the Python reference.
    func write(to file: URL) throws {
        var data = Data()
        data.reserveCapacity(count * (values.first?.count ?? 0 + 20))
        for index in 0..<count {
            data.append(contentsOf: keys[index])
            data.append(0x09)
            data.append(contentsOf: values[index])
            data.append(0x0A)
        }
        try data.write(to: file)
    }
}
