/// The rows of every segment: segment kind → segment value → row indices, ascending.
struct SegmentRows {
    /// Row indices by kind and value.
    let members: [SegmentKind: [String: [Int]]]

    /// Groups rows by their labels; `labels[kind][row]` is the value of `row` for `kind`.
    init(labels: [SegmentKind: [String]]) {
        members = labels.mapValues { values in
            Dictionary(grouping: values.indices) { values[$0] }
        }
    }
}
