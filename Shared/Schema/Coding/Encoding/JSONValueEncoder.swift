import Foundation

/// The `Encoder` handed to one value's `encode(to:)` by ``SchemaJSONEncoder``; a
/// ``SchemaJSONWritable`` value writes itself instead.
///
/// Values are written straight into the document's ``JSONOutput``. An object's members are
/// written in the order they are encoded and put in key order (UTF-8 byte order, as
/// Foundation's `.sortedKeys`) when the value's `encode(to:)` returns; a container nested with
/// `nestedContainer`/`superEncoder` writes into its own output, spliced in at that point, so
/// it may be filled in any order.
final class JSONValueEncoder: Encoder {
    /// What the value asked for.
    private enum State {
        case empty
        case object(JSONObjectWriter)
        case array(JSONArrayWriter)
        /// A single value, to be written from output position `start`.
        case single(start: Int)
    }

    let output: JSONOutput
    private let parent: JSONValueEncoder?
    private let key: (any CodingKey)?
    @exclusivity(unchecked) private var state = State.empty

    init(output: JSONOutput, parent: JSONValueEncoder?, key: (any CodingKey)?) {
        self.output = output
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: JSONValueEncoder? = self
        while let current = node {
            if let key = current.key { path.append(key) }
            node = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch state {
        case .object(let writer):
            return KeyedEncodingContainer(JSONKeyedContainer(encoder: self, writer: writer))
        case .empty:
            let writer = JSONObjectWriter(output: output)
            state = .object(writer)
            return KeyedEncodingContainer(JSONKeyedContainer(encoder: self, writer: writer))
        case .array, .single:
            preconditionFailure("a keyed container was requested after another kind of container at \(codingPath)")
        }
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch state {
        case .array(let writer):
            return JSONUnkeyedContainer(encoder: self, writer: writer)
        case .empty:
            let writer = JSONArrayWriter(output: output)
            state = .array(writer)
            return JSONUnkeyedContainer(encoder: self, writer: writer)
        case .object, .single:
            preconditionFailure("an unkeyed container was requested after another kind of container at \(codingPath)")
        }
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        switch state {
        case .empty:
            state = .single(start: output.bytes.count)
            return JSONSingleValueContainer(encoder: self)
        case .single:
            return JSONSingleValueContainer(encoder: self)
        case .object, .array:
            preconditionFailure("a single-value container was requested after another kind of container at \(codingPath)")
        }
    }

    /// Closes what the value wrote; a value that wrote nothing is an empty object, as in
    /// Foundation. Returns whether it wrote nothing.
    @discardableResult func finish() -> Bool {
        switch state {
        case .empty:
            output.append("{}")
            return true
        case .object(let writer): writer.close()
        case .array(let writer): writer.close()
        case .single(let start):
            guard output.bytes.count == start else { break }
            output.append("{}")
            return true
        }
        return false
    }

    /// A child encoder for `key` writing into its own output, for a container the caller may
    /// fill after writing other members.
    func detachedChild(key: any CodingKey) -> JSONValueEncoder {
        JSONValueEncoder(output: JSONOutput(capacity: 64), parent: self, key: key)
    }

    // MARK: Values

    // The casts below are to the type `Value` was just compared with, so they reinterpret
    // nothing; `unsafeBitCast` spares the runtime cast an unspecialised `as!` would make.

    /// Writes `value` at `key`, its place in this encoder's container (`nil` for the value of
    /// a single-value container).
    func encode<Value: Encodable>(_ value: Value, at key: (any CodingKey)?) throws {
        if Value.self == String.self {
            output.writeString(unsafeBitCast(value, to: String.self))
        } else if Value.self == Double.self {
            try encode(unsafeBitCast(value, to: Double.self), at: key)
        } else if Value.self == Int.self {
            output.writeInteger(unsafeBitCast(value, to: Int.self))
        } else if Value.self == Bool.self {
            output.append(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if Value.self == Date.self {
            output.writeString(Timestamp.string(from: unsafeBitCast(value, to: Date.self)))
        } else if Value.self == ProvenanceEntry.self {
            unsafeBitCast(value, to: ProvenanceEntry.self).write(to: output)
        } else if Value.self == [String: [ProvenanceEntry]].self {
            output.write(provenance: unsafeBitCast(value, to: [String: [ProvenanceEntry]].self))
        } else if Value.self == [String: String].self {
            output.write(strings: unsafeBitCast(value, to: [String: String].self))
        } else if Value.self == Float.self {
            try encode(unsafeBitCast(value, to: Float.self), at: key)
        } else if Value.self == Data.self {
            output.writeString(unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if Value.self == URL.self {
            output.writeString(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if Value.self == Decimal.self {
            output.bytes.append(contentsOf: unsafeBitCast(value, to: Decimal.self).description.utf8)
        } else {
            if let writable = value as? any SchemaJSONWritable {
                let start = output.bytes.count
                if writable.write(to: SchemaJSONWriter(output: output)) { return }
                output.bytes.removeSubrange(start...)
            }
            let child = JSONValueEncoder(output: output, parent: self, key: key)
            try value.encode(to: child)
            if child.finish(), parent == nil, self.key == nil, key == nil {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
            }
        }
    }

    /// Writes a finite `Double`; a non-finite one throws `EncodingError.invalidValue`.
    func encode(_ value: Double, at key: (any CodingKey)?) throws {
        guard value.isFinite else { throw nonConforming(value, at: key) }
        output.writeDouble(value)
    }

    /// Writes a finite `Float`; a non-finite one throws `EncodingError.invalidValue`.
    func encode(_ value: Float, at key: (any CodingKey)?) throws {
        guard value.isFinite else { throw nonConforming(value, at: key) }
        output.writeFloatingPoint(value)
    }

    private func nonConforming<Value: FloatingPoint>(_ value: Value, at key: (any CodingKey)?) -> EncodingError {
        EncodingError.invalidValue(
            value,
            EncodingError.Context(
                codingPath: codingPath + (key.map { [$0] } ?? []),
                debugDescription: "Unable to encode \(Value.self).\(value) directly in JSON."))
    }
}

/// The members of one JSON object as they are encoded, sorted when the object closes.
final class JSONObjectWriter {
    private struct Member {
        var key: String
        /// The key's first eight UTF-8 bytes, big-endian: most keys are ordered by it alone.
        var prefix: UInt64
        /// Where its value begins in the output.
        var valueStart: Int
        /// Where it ends, or the child written elsewhere.
        var end: Int
        var detached: JSONValueEncoder?
    }

    private let output: JSONOutput
    private let start: Int
    @exclusivity(unchecked) private var members: [Member] = []
    /// Whether the members so far are in strictly increasing key order and all written inline.
    @exclusivity(unchecked) private var inOrder = true

    init(output: JSONOutput) {
        self.output = output
        start = output.bytes.count
        output.append(UInt8(ascii: "{"))
    }

    /// Writes `key` and lets `writeValue` write the value inline.
    func member(_ key: String, writeValue: () throws -> Void) rethrows {
        if !members.isEmpty { output.append(UInt8(ascii: ",")) }
        output.writeString(key)
        output.append(UInt8(ascii: ":"))
        let valueStart = output.bytes.count
        try writeValue()
        let member = Member(key: key, prefix: Self.prefix(of: key), valueStart: valueStart, end: output.bytes.count, detached: nil)
        if inOrder, let last = members.last, !Self.precedes(last, member) {
            inOrder = false
        }
        members.append(member)
    }

    /// The encoder of a member written into its own output, so it may be filled in any order;
    /// asked again for the same key, the same encoder (its containers merge, as Foundation's do).
    func detachedMember(_ key: any CodingKey, of parent: JSONValueEncoder) -> JSONValueEncoder {
        if let existing = members.last(where: { $0.key == key.stringValue && $0.detached != nil })?.detached {
            return existing
        }
        let child = parent.detachedChild(key: key)
        inOrder = false
        members.append(Member(key: key.stringValue, prefix: Self.prefix(of: key.stringValue), valueStart: 0, end: 0, detached: child))
        return child
    }

    /// Ends the object: members in key order (the last of equal keys wins), then `}`.
    func close() {
        guard !inOrder else {
            output.append(UInt8(ascii: "}"))
            return
        }
        for member in members { member.detached?.finish() }
        let members = members
        // A stable order: equal keys stay in encoding order, so the last one is the latest.
        var order = Array(members.indices)
        for next in 1..<Swift.max(1, order.count) {
            var position = next
            while position > 0, Self.precedes(members[next], members[order[position - 1]]) {
                order[position] = order[position - 1]
                position -= 1
            }
            order[position] = next
        }
        // The members' bytes move to the output's scratch buffer and come back in key order.
        output.scratch.removeAll(keepingCapacity: true)
        output.scratch.append(contentsOf: output.bytes[start...])
        output.bytes.removeSubrange(start...)
        output.append(UInt8(ascii: "{"))
        var first = true
        for (position, index) in order.enumerated()
        where position + 1 == order.count || members[order[position + 1]].key != members[index].key {
            let member = members[index]
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            output.writeString(member.key)
            output.append(UInt8(ascii: ":"))
            if let child = member.detached {
                output.bytes.append(contentsOf: child.output.bytes)
            } else {
                output.bytes.append(contentsOf: output.scratch[(member.valueStart - start)..<(member.end - start)])
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian number (zero-padded).
    private static func prefix(of key: String) -> UInt64 {
        var prefix: UInt64 = 0
        var count = 0
        for byte in key.utf8.prefix(8) {
            prefix = prefix << 8 | UInt64(byte)
            count += 1
        }
        return count == 8 ? prefix : prefix << UInt64(8 * (8 - count))
    }

    /// Whether `left`'s key sorts strictly before `right`'s by UTF-8 bytes, as Foundation's
    /// `.sortedKeys` orders them.
    private static func precedes(_ left: Member, _ right: Member) -> Bool {
        if left.prefix != right.prefix { return left.prefix < right.prefix }
        return left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
    }
}

/// The elements of one JSON array, written in order.
final class JSONArrayWriter {
    private let output: JSONOutput
    @exclusivity(unchecked) private(set) var count = 0
    /// Elements written elsewhere, with the output position they belong at.
    @exclusivity(unchecked) private var detached: [(position: Int, child: JSONValueEncoder)] = []

    init(output: JSONOutput) {
        self.output = output
        output.append(UInt8(ascii: "["))
    }

    /// Lets `writeValue` write the next element inline.
    func element(writeValue: () throws -> Void) rethrows {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
        try writeValue()
    }

    /// Records the next element, which `child` writes into its own output.
    func detachedElement(_ child: JSONValueEncoder) {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
        detached.append((output.bytes.count, child))
    }

    /// Ends the array: detached elements spliced in, then `]`.
    func close() {
        for (position, child) in detached.reversed() {
            child.finish()
            output.bytes.insert(contentsOf: child.output.bytes, at: position)
        }
        output.append(UInt8(ascii: "]"))
    }
}
