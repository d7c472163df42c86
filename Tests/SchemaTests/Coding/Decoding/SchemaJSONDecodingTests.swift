import Foundation
import Schema
import Testing

/// ``SchemaJSON/decode(_:from:)`` compared with `JSONDecoder` configured by
/// ``SchemaJSON/makeDecoder()``: the same values, and the same error case, expected type and
/// coding path, on hand-picked edge cases, generated documents and damaged real messages.
@Suite("Fast JSON decoding matches JSONDecoder")
struct SchemaJSONDecodingTests {
    typealias Scalars = DecodingProbes.Scalars
    typealias Nested = DecodingProbes.Nested
    typealias Manual = DecodingProbes.Manual

    /// Decodes `data` as `type` with both decoders and records a difference. For types with
    /// dictionaries, `JSONDecoder` visits keys in random order, so when several values are
    /// bad only failing is compared (`relaxed`).
    private func compare<Value: Decodable & Equatable>(
        _ type: Value.Type, _ data: Data, relaxed: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let fast = DecodingOutcome(type, data, fast: true)
        let reference = DecodingOutcome(type, data, fast: false)
        if relaxed && fast.failed && reference.failed { return }
        #expect(
            fast == reference, "\(Value.self) from \(String(decoding: data, as: UTF8.self).debugDescription)",
            sourceLocation: sourceLocation)
    }

    private func compareAll(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        compare(Scalars.self, data, sourceLocation: sourceLocation)
        compare(Nested.self, data, relaxed: true, sourceLocation: sourceLocation)
        compare(Manual.self, data, sourceLocation: sourceLocation)
        // Built straight from the tape by the fast decoder, through its containers by JSONDecoder.
        compare(JSONValue.self, data, relaxed: true, sourceLocation: sourceLocation)
        compare([Int?].self, data, sourceLocation: sourceLocation)
        compare(String.self, data, sourceLocation: sourceLocation)
        compare(Double.self, data, sourceLocation: sourceLocation)
    }

    static let numbers = [
        "0", "-0", "5", "5.0", "5e2", "5E0", "1E+2", "100e-2", "1e-2", "0.5e1", "-0.0", "5.5", "1e400", "-1e400",
        "4.9e-325", "4.9e-324", "1.7976931348623157e308", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1e19",
        "9007199254740993", "9007199254740993.0", "12345678901234567890.123", "255", "256", "-1", "127", "-128",
        "2.55e2", "300", "0.1", "0.30000000000000004", "123456789012345678901234567890", "3.4028235e38",
        "3.5e38", "1e-46", "01", "-01", "-", "1.", ".5", "+1", "1e", "1e+", "1.e5", "1.5.5", "1-2", "0x10", "00",
        "-a", "1ee5", "1E5E5", "2.5e-3", "7e22", "7e23", "123456789012345.5", "0.000001",
    ]

    static let strings = [
        #""plain""#, #""""#, #""caf\u00e9 \ud83d\ude00""#, #""\uD83D\uDE00""#, #""\ud83d""#, #""\ude00""#,
        #""\ud83dx""#, #""\ud83d\u0041""#, #""\u12""#, #""\u12g4""#, #""\x""#, #""\/\b\f\n\r\t\"\\""#,
        "\"tab\there\"", "\"bell\u{07}\"", "\"München\"", "\"\u{7f}\"", #""\u0000""#, #""a\"#,
        #""2024-05-01T12:00:00.250Z""#, #""2024-05-01T12:00:00Z""#, #""2024-05-01T12:00:00.123456789Z""#,
        #""2024-05-01T12:00:00.1234567890Z""#, #""2024-02-29T23:59:59.999Z""#, #""2023-02-29T00:00:00Z""#,
        #""2024-05-01T12:00:00+02:00""#, #""2024-05-01T24:00:00Z""#, #""1899-12-31T23:59:59Z""#,
        #""2024-05-01""#, #""2024-05-01T12:00:00.Z""#, #""2024-13-01T00:00:00Z""#, #""2024-05-01t12:00:00z""#,
        #""aGVsbG8=""#, #""aGVsbG8""#, #""!!""#, #""https://x.y/z?q=1""#, #""a b""#, #""http://[x""#,
    ]

    static let others = [
        "true", "false", "null", "True", "nul", "[]", "[1,2,]", "[,]", "{}", "{,}", "[1 2]", "[1,null]",
        "{\"a\":1,}", "[[1],[2,\"x\"]]", "", " ", "\n 5 \t", "5 x", "\u{feff}5", "[1", "{\"a\" 1}", "{a:1}",
    ]

    @Test("Scalars, strings and literals at the top level and in every field")
    func edgeCases() {
        for text in Self.numbers + Self.strings + Self.others {
            compareAll(Data(text.utf8))
            for field in ["int", "int8", "uint8", "int32", "uint64", "double", "float", "bool", "string", "date", "data", "url", "decimal"]
            {
                compare(Scalars.self, Data(#"{"int":1,"\#(field)":\#(text)}"#.utf8))
            }
            compare(Nested.self, Data(#"{"name":"n","values":[1,\#(text)],"byNumber":{"1":\#(text)}}"#.utf8))
            compare(Nested.self, Data(#"{"name":"n","matrix":[[\#(text)]],"byName":{"k":\#(text)}}"#.utf8))
            compare(Nested.self, Data(#"{"name":"n","children":[{"name":"c","child":{"int":\#(text)}}]}"#.utf8))
        }
    }

    @Test("Keys: duplicates, unknown members, escapes, missing, malformed unread values")
    func keys() {
        let documents = [
            #"{"int":1,"int":2}"#, #"{"int":1,"string":null}"#, #"{"string":"x"}"#, #"{"int":null}"#,
            #"{"int":1,"unknown":[1,{"deep":01}]}"#, #"{"int":1,"zz":-}"#, #"{"int":1,"zz":"\x"}"#,
            #"{"\u0069nt":3}"#, #"{"int":1,"\x":2}"#, #"{"int":1,"bad\u":2}"#, #"{"i\u006et":1,"int":2}"#,
            #"{"int":1,"string":"a","string":5}"#, "{\"int\":1,\"st\u{1}\":2}", #"[{"int":1}]"#, #"{"int":"1"}"#,
            #"{"name":"n","byNumber":{"01":"a"," 1":"b"}}"#, #"{"name":"n","byNumber":{"1":"a","1":"b"}}"#,
            #"{"name":"n","byName":{"K":1,"\u212a":2}}"#, #"{"name":"n","byName":{"é":1,"e\u0301":2}}"#,
            #"{"a":1,"b":{"x":2,"y":3},"list":[1,null,"s",[],["t"],2],"super":"parent"}"#,
            #"{"list":[true,255,256,-1,1.5,1e400,1e39,"x",{}]}"#, #"{"list":[01]}"#, #"{"list":[1,"\x"]}"#,
            #"{"a":null,"b":{"y":3},"list":[]}"#, #"{"b":{"x":"no"}}"#, #"{"list":[{}]}"#, #"{"b":null}"#,
            #"{"name":"n","byName":{"a":1,"b":2,"a":"x"}}"#, #"{"name":"n","byName":{"abcdefghij":1,"abcdefghij":"x"}}"#,
            #"{"name":"n","byName":{"abcdefghX":1,"abcdefghY":2}}"#, #"{"name":"n","byName":{"12":"x"}}"#,
            #"{"name":"n","byName":{"a\u0062":1,"ab":"x"}}"#, #"{"name":"n","byName":{"k":1,"k\x":2}}"#,
            #"{"a":1,"a":null,"list":null}"#, #"{"list":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27]}"#,
        ]
        for text in documents {
            compareAll(Data(text.utf8))
        }
        // Objects with many members are looked up through a dictionary.
        let members = (0..<40).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        compareAll(Data(#"{"int":1,\#(members),"int":2,"name":"n","a":5,"super":"s"}"#.utf8))
        compare([String: Int].self, Data(#"{\#(members),"k3":"x"}"#.utf8))
    }

    @Test("Nesting up to JSONDecoder's limit of 512 containers")
    func depth() {
        for depth in [511, 512, 513] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            compare(DecodingProbes.Depth.self, Data(arrays.utf8))
            let objects = String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
            compare(DecodingProbes.Depth.self, Data(objects.utf8))
            compare(DecodingProbes.Depth.self, Data((arrays + " x").utf8))
        }
    }

    @Test("Byte order marks, UTF-16 and invalid UTF-8")
    func encodings() {
        var inputs: [Data] = [
            Data([0xEF, 0xBB, 0xBF]) + Data(#"{"int":1}"#.utf8),
            Data(#"{"int":1,"string":"a"#.utf8) + Data([0xFF]) + Data(#""}"#.utf8),
            Data(#"{"int":1,"string":"a"#.utf8) + Data([0xED, 0xA0, 0x80]) + Data(#""}"#.utf8),
            Data(#"{"int":1,"string":"a"#.utf8) + Data([0xC3]) + Data(#"\n"}"#.utf8),
            Data(#"{"int":1,"str"#.utf8) + Data([0xC0, 0xAF]) + Data(#"":1}"#.utf8),
            Data([0x35, 0x00]), Data([0x22, 0x00, 0x22]),
        ]
        inputs.append(#"{"int":7,"string":"wide"}"#.data(using: .utf16)!)
        inputs.append(#"{"int":7}"#.data(using: .utf16LittleEndian)!)
        inputs.append(#"{"int":7}"#.data(using: .utf32BigEndian)!)
        for data in inputs {
            compareAll(data)
        }
    }

    @Test("Generated documents and damaged copies of them")
    func generatedDocuments() {
        var random = SplitMix(seed: 0x5EED)
        for _ in 0..<400 {
            let document = Data(Self.document(&random, depth: 0).utf8)
            compareAll(document)
            for _ in 0..<3 {
                compareAll(Self.damaged(document, &random))
            }
        }
    }

    @Test("Every message type, whole, with each field replaced or removed, and damaged byte by byte", arguments: Topic.allCases)
    func messages(topic: Topic) throws {
        try compareMessage(Samples.message(for: topic), seed: UInt64(topic.rawValue.utf8.count))
    }

    private func compareMessage<Message: SchemaMessage>(_ message: Message, seed: UInt64) throws {
        let data = try message.encoded()
        #expect(try SchemaJSON.decode(Message.self, from: data) == message)
        #expect(try Message.decode(from: data) == message)
        compare(Message.self, data)
        guard case .object(let members) = try JSONValue(parsing: data) else { return }
        let replacements: [JSONValue] = [.null, .string("x"), .number(1.5), .number(-3), .bool(true), .array([]), .object([:])]
        for key in members.keys.sorted() {
            var without = members
            without[key] = nil
            compare(Message.self, try JSONValue.object(without).data())
            for replacement in replacements {
                var changed = members
                changed[key] = replacement
                compare(Message.self, try JSONValue.object(changed).data())
            }
        }
        var random = SplitMix(seed: seed)
        for _ in 0..<150 {
            compare(Message.self, Self.damaged(data, &random), relaxed: Message.self == Home.self)
        }
    }

    @Test("The canonical date reader agrees with the general one")
    func timestamps() throws {
        var random = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let seconds = Double(random.next(below: 8_000_000_000)) - 2_000_000_000
            let fraction = ["", ".5", ".25", ".123", ".999", ".0005", ".123456789", ".1234567"][random.next(below: 8)]
            var text = Date(timeIntervalSince1970: seconds).formatted(.iso8601)
            text = String(text.dropLast()) + fraction + "Z"
            let data = Data(#""\#(text)""#.utf8)
            compare(Date.self, data)
            let reference = try SchemaJSON.makeDecoder().decode(Date.self, from: data)
            #expect(
                try SchemaJSON.decode(Date.self, from: data).timeIntervalSince1970.bitPattern == reference.timeIntervalSince1970.bitPattern)
        }
    }

    // MARK: Generation

    /// A random JSON document shaped like the probes, with random, often wrong, values.
    private static func document(_ random: inout SplitMix, depth: Int) -> String {
        let fields = [
            "int", "int8", "uint8", "int32", "uint64", "double", "float", "bool", "string", "date", "data", "url",
            "decimal", "name", "values", "optionals", "matrix", "byName", "byNumber", "child", "children", "a", "b",
            "list", "super", "unknown",
        ]
        var members: [String] = []
        if random.next(below: 10) > 0 { members.append(#""int":\#(random.next(below: 100))"#) }
        if random.next(below: 10) > 0 { members.append(#""name":"n\#(random.next(below: 9))""#) }
        for _ in 0..<random.next(below: 8) {
            let field = fields[random.next(below: fields.count)]
            members.append(#""\#(field)":\#(value(&random, depth: depth))"#)
        }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: random.next(below: 2) == 0 ? "," : " , ") + "}"
    }

    private static func value(_ random: inout SplitMix, depth: Int) -> String {
        switch random.next(below: depth > 3 ? 4 : 7) {
        case 0: return numbers[random.next(below: numbers.count)]
        case 1: return strings[random.next(below: strings.count)]
        case 2: return ["true", "false", "null"][random.next(below: 3)]
        case 3: return String(random.next(below: 1000))
        case 4: return document(&random, depth: depth + 1)
        case 5:
            let elements = (0..<random.next(below: 4)).map { _ in value(&random, depth: depth + 1) }
            return "[" + elements.joined(separator: ",") + "]"
        default:
            let entries = (0..<random.next(below: 3)).map { _ in #""\#(random.next(below: 20))":\#(value(&random, depth: depth + 1))"# }
            return "{" + entries.joined(separator: ",") + "}"
        }
    }

    /// `data` cut short, or with one byte removed, replaced or inserted.
    private static func damaged(_ data: Data, _ random: inout SplitMix) -> Data {
        var bytes = [UInt8](data)
        let position = random.next(below: bytes.count + 1)
        let noise = Array(#"{}[],:"\ 01-.eEntfux"#.utf8) + [0xFF, 0x01, 0xC3]
        switch random.next(below: 4) {
        case 0: bytes.removeSubrange(position...)
        case 1 where position < bytes.count: bytes.remove(at: position)
        case 2 where position < bytes.count: bytes[position] = noise[random.next(below: noise.count)]
        default: bytes.insert(noise[random.next(below: noise.count)], at: position)
        }
        return Data(bytes)
    }
}

/// A small seeded generator, so every run tests the same inputs.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
