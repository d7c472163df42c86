/// Writes one JSON object's members in the order they are given, as ``SchemaJSONEncoder``
/// writes a `Codable` value: a `nil` optional is left out, numbers and strings in the shared
/// forms. Keys are written as they are: give plain ASCII keys, in UTF-8 byte order.
public struct JSONMemberWriter {
    private let output: JSONOutput
    private var count = 0
    /// Whether every `Double` given to `member(_:_:)` was finite; a non-finite
    /// one is written as `null` and clears this, so the caller can discard the object.
    private(set) var finite = true

    /// Opens the object.
    init(output: JSONOutput) {
        self.output = output
        output.append(UInt8(ascii: "{"))
    }

    /// Writes `key` and lets `writeValue` write its value.
    public mutating func member(_ key: StaticString, writeValue: () -> Void) {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
        output.append(UInt8(ascii: "\""))
        output.append(key)
        output.append("\":")
        writeValue()
    }

    /// Writes `value` at `key` unless it is `nil`.
    public mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        let output = output
        member(key) { output.writeString(value) }
    }

    /// Writes `value` at `key` unless it is `nil`.
    public mutating func member(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        let output = output
        member(key) { output.writeInteger(value) }
    }

    /// Writes `value` at `key` unless it is `nil`; a non-finite one clears ``finite``.
    public mutating func member(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        let output = output
        guard value.isFinite else {
            finite = false
            member(key) { output.append("null") }
            return
        }
        member(key) { output.writeDouble(value) }
    }

    /// Closes the object.
    public func close() {
        output.append(UInt8(ascii: "}"))
    }
}

extension JSONOutput {
    /// Writes `elements` as a JSON array, each by `writeElement`.
    func writeArray<Element>(_ elements: [Element], writeElement: (Element) -> Void) {
        append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            writeElement(element)
        }
        append(UInt8(ascii: "]"))
    }
}
