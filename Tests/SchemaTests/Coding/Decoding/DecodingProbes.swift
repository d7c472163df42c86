import Foundation

/// Decodable types that reach every part of a decoder, for comparing decoders on the same
/// input.
enum DecodingProbes {
    /// Every scalar type, plain and optional.
    struct Scalars: Decodable, Equatable {
        var int: Int
        var int8: Int8?
        var uint8: UInt8?
        var int32: Int32?
        var uint64: UInt64?
        var double: Double?
        var float: Float?
        var bool: Bool?
        var string: String?
        var date: Date?
        var data: Data?
        var url: URL?
        var decimal: Decimal?
    }

    /// Arrays, dictionaries and nesting; a dictionary with several bad values fails at a
    /// key `JSONDecoder` picks at random, so only failing is compared for these.
    struct Nested: Decodable, Equatable {
        var name: String
        var values: [Int]?
        var optionals: [String?]?
        var matrix: [[Double]]?
        var byName: [String: Int]?
        var byNumber: [Int: String]?
        var child: Scalars?
        var children: [Nested]?
    }

    /// A hand-written decoder using every container operation: `allKeys`, `contains`,
    /// `decodeNil`, nested containers, `superDecoder`, `decodeIfPresent` past the end.
    struct Manual: Decodable, Equatable {
        var keys: [String]
        var flags: [String]
        var items: [String]
        var inherited: String?

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            keys = container.allKeys.map(\.stringValue).sorted()
            flags = decoder.codingPath.map(\.stringValue)
            for name in ["a", "b", "list", "super", "missing"] {
                let key = AnyKey(stringValue: name)
                flags.append("\(name): \(container.contains(key)) \((try? container.decodeNil(forKey: key)).map(String.init) ?? "throws")")
            }
            items = []
            if container.contains(AnyKey(stringValue: "list")) {
                var list = try container.nestedUnkeyedContainer(forKey: AnyKey(stringValue: "list"))
                items.append("count \(list.count.map(String.init) ?? "nil")")
                while !list.isAtEnd {
                    if try list.decodeNil() {
                        items.append("nil")
                    } else if let flag = try? list.decode(Bool.self) {
                        items.append("bool \(flag)")
                    } else if let small = try? list.decode(UInt8.self) {
                        items.append("uint8 \(small)")
                    } else if let number = try? list.decode(Int.self) {
                        items.append("int \(number)")
                    } else if let real = try? list.decode(Float.self) {
                        items.append("float \(real)")
                    } else if var nested = try? list.nestedUnkeyedContainer() {
                        items.append("nested \(nested.codingPath.map(\.stringValue)) \(try nested.decodeIfPresent(String.self) ?? "-")")
                    } else {
                        items.append("string \(try list.decode(String.self))")
                    }
                }
                items.append("after end \(try list.decodeIfPresent(Int.self).map(String.init) ?? "nil") \(list.currentIndex)")
            }
            let parent = try container.superDecoder()
            inherited = try? parent.singleValueContainer().decode(String.self)
            flags.append("super path \(parent.codingPath.map(\.stringValue))")
            if container.contains(AnyKey(stringValue: "b")) {
                let nested = try container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(stringValue: "b"))
                flags.append("b keys \(nested.allKeys.map(\.stringValue).sorted()) at \(nested.codingPath.map(\.stringValue))")
                _ = try nested.decode(Int.self, forKey: AnyKey(stringValue: "x"))
            }
        }
    }

    /// How deeply arrays (`[[[]]]`) or objects (`{"a":{"a":{}}}`) nest.
    struct Depth: Decodable, Equatable {
        var levels: Int

        private enum CodingKeys: String, CodingKey {
            case a
        }

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                levels = try array.isAtEnd ? 1 : array.decode(Depth.self).levels + 1
            } else {
                let object = try decoder.container(keyedBy: CodingKeys.self)
                levels = try (object.decodeIfPresent(Depth.self, forKey: .a)?.levels ?? 0) + 1
            }
        }
    }
}
