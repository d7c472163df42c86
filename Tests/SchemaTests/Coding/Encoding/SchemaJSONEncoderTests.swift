import Foundation
import ML
import Testing

@testable import Schema

/// ``SchemaJSONEncoder`` writes exactly the bytes of `SchemaJSON.makeEncoder()`: every message
/// sample, thousands of random documents (keys, strings, numbers, dates), containers filled out
/// of order, and the same error on a non-finite number.
@Suite struct SchemaJSONEncoderTests {
    private let foundation = SchemaJSON.makeEncoder()
    private let fast = SchemaJSONEncoder()

    private func expectSameBytes<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try foundation.encode(value)
        let actual = try fast.encode(value)
        #expect(
            actual == expected,
            "\(String(decoding: actual, as: UTF8.self)) != \(String(decoding: expected, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: Topic.allCases) func everyMessageSample(topic: Topic) throws {
        let sample = Samples.message(for: topic)
        try expectSameBytes(AnyEncodable(sample))
        #expect(try sample.encoded() == foundation.encode(AnyEncodable(sample)))
    }

    @Test func randomDocuments() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            try expectSameBytes(RandomDocument.make(depth: 0, using: &generator))
        }
    }

    @Test func provenanceEntriesWrittenDirectly() throws {
        var generator = SplitMix64(seed: 11)
        let texts = ["", "1.800 sq ft", "\"quoted\" \\ back", "tab\tnew\nline\u{1}", "Müller/Straße 5 – ½", "😀"]
        for index in 0..<500 {
            let entry = ProvenanceEntry(
                sourceId: texts[index % texts.count], recordId: texts[(index / 6) % texts.count], value: texts[(index / 36) % texts.count],
                fetchedAt: Date(timeIntervalSince1970: Double(generator.next() % 8_000_000_000) / 1_000 - 1_000_000),
                chosen: index % 2 == 0)
            try expectSameBytes(entry)
            try expectSameBytes(["price": [entry, entry]])
        }
    }

    @Test func provenanceAndStringDictionariesWrittenDirectly() throws {
        let keys = ["address", "address.city", "Zimmer", "zimmer", "éclairage", "ärger", "a\"b", "", "price", "unmapped.heating", "😀"]
        let entry = ProvenanceEntry(
            sourceId: "s", recordId: "r", value: "v", fetchedAt: Date(timeIntervalSince1970: 1_700_000_000.123), chosen: true)
        for count in [0, 1, 2, keys.count] {
            let chosen = Array(keys.prefix(count))
            try expectSameBytes(Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, Array(repeating: entry, count: $0 % 3)) }))
            try expectSameBytes(Dictionary(uniqueKeysWithValues: chosen.map { ($0, "value of \($0)\n") }))
        }
    }

    @Test func homesWrittenDirectly() throws {
        var generator = SplitMix64(seed: 13)
        let texts = ["", "Hauptstraße 5 – ½", "\"quoted\" \\ back", "tab\tnew\nline\u{1}", "😀", "plain"]
        func chance() -> Bool { generator.next() % 2 == 0 }
        func text() -> String { texts[Int(generator.next() % UInt64(texts.count))] }
        func number() -> Double { Double(Int64(generator.next() % 2_000_000_000) - 1_000_000_000) / 997 }
        for _ in 0..<400 {
            var home = Samples.home
            home.address = Address(
                street: chance() ? text() : nil, houseNumber: chance() ? text() : nil, unit: chance() ? text() : nil, city: text(),
                state: chance() ? text() : nil, postalCode: chance() ? text() : nil, country: text())
            home.propertyType = chance() ? PropertyType.allCases[Int(generator.next() % 8)] : nil
            home.coordinates = chance() ? Coordinates(latitude: number(), longitude: number()) : nil
            home.price = chance() ? Money(amount: number(), currency: text()) : nil
            home.priceKind = chance() ? .sold : nil
            home.priceInUSD = chance() ? number() : nil
            home.livingArea = chance() ? number() : nil
            home.lotArea = chance() ? 0 : nil
            home.rooms = chance() ? 5.5 : nil
            home.bedrooms = chance() ? Int(generator.next() % 9) : nil
            home.bathrooms = chance() ? -0.0 : nil
            home.garageSpaces = chance() ? 0 : nil
            home.floor = chance() ? -1 : nil
            home.builtYear = chance() ? 1905 : nil
            home.builtMonth = chance() ? 12 : nil
            home.heating = chance() ? text() : nil
            home.cooling = chance() ? text() : nil
            home.listingDate = chance() ? text() : nil
            home.saleDate = chance() ? text() : nil
            home.priceHistory = chance() ? nil : Array((Samples.home.priceHistory ?? []).prefix(Int(generator.next() % 3)))
            home.priceHistory = home.priceHistory.map { events in
                events.map { event in
                    var event = event
                    event.date = chance() ? text() : nil
                    event.price.amount = number()
                    return event
                }
            }
            home.extra = chance() ? [:] : [text(): text(), "b": text()]
            home.provenance = chance() ? [:] : Samples.home.provenance
            home.conflicts =
                chance() ? [] : [FieldConflict(field: text(), resolution: .average), FieldConflict(field: "a", resolution: .majority)]
            home.normalizedAt = Date(timeIntervalSince1970: Double(generator.next() % 4_000_000_000) / 1_000)
            home.retiredInto = chance() ? text() : nil
            home.version = chance() ? Int(generator.next() % 100) : nil
            try expectSameBytes(home)
        }
    }

    @Test func homesWithANonFiniteNumberFailAtIt() throws {
        for value in [Double.nan, .infinity, -.infinity] {
            var home = Samples.home
            home.livingArea = value
            try expectSameError(home)
            home = Samples.home
            home.coordinates?.longitude = value
            try expectSameError(home)
            home = Samples.home
            home.priceHistory?[1].price.amount = value
            try expectSameError(home)
            home = Samples.home
            home.price?.amount = value
            try expectSameError(home)
            home = Samples.home
            home.coordinates?.latitude = value
            try expectSameError(home)
        }
    }

    @Test func homesAreWrittenByTheirOwnWriterNotThroughCodable() throws {
        let output = JSONOutput()
        #expect(Samples.home.write(to: SchemaJSONWriter(output: output)))
        #expect(Data(output.bytes) == (try foundation.encode(Samples.home)))
    }

    /// Both encoders fail on `value` at the same coding path.
    private func expectSameError<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try #require(throws: EncodingError.self, sourceLocation: sourceLocation) { try foundation.encode(value) }
        let actual = try #require(throws: EncodingError.self, sourceLocation: sourceLocation) { try fast.encode(value) }
        guard case .invalidValue(_, let expectedContext) = expected, case .invalidValue(_, let actualContext) = actual else {
            Issue.record("not invalidValue: \(expected), \(actual)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            actualContext.codingPath.map(\.stringValue) == expectedContext.codingPath.map(\.stringValue), sourceLocation: sourceLocation)
        #expect(actualContext.codingPath.map(\.intValue) == expectedContext.codingPath.map(\.intValue), sourceLocation: sourceLocation)
    }

    @Test func numbers() throws {
        var generator = SplitMix64(seed: 11)
        var doubles: [Double] = [
            0, -0.0, 1, -1, 0.1, .leastNonzeroMagnitude, 1e15, 1e15 - 1, 1e16, 9_007_199_254_740_992, 9.999999999999998e15, 1e21, 1e22,
            1e-7,
            123_456_789.125, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
        ]
        for _ in 0..<5000 {
            let double = Double(bitPattern: generator.next())
            if double.isFinite { doubles.append(double) }
            doubles.append(Double(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 64)))
        }
        try expectSameBytes(doubles)
        try expectSameBytes(doubles.map { Float($0) }.filter(\.isFinite))
        try expectSameBytes([Int.min, Int.max, 0, -1])
        try expectSameBytes([UInt64.max, 0])
        try expectSameBytes([Int8.min, Int8.max])
        try expectSameBytes(Decimal(string: "12.50"))
    }

    @Test func datesAcrossTheCalendar() throws {
        var generator = SplitMix64(seed: 13)
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 951_782_400),
        ]
        for _ in 0..<5000 {
            // From year 0500 to 9999, at sub-millisecond resolution (rounded as Timestamp rounds).
            let milliseconds = Double(Int64(generator.next() % 298_000_000_000_000) - 46_000_000_000_000)
            dates.append(Date(timeIntervalSince1970: (milliseconds + Double(generator.next() % 1000) / 1000) / 1000))
        }
        try expectSameBytes(dates)
    }

    /// Dates are written as Foundation's ISO 8601 format style writes them (whole seconds,
    /// its calendar: Julian before 1582-10-15), with the millisecond appended: the calendar
    /// arithmetic of the fast path agrees with it where it is used, and the format style
    /// serves the other years.
    @Test func datesAsTheFormatStyleWritesThem() throws {
        var generator = SplitMix64(seed: 17)
        let style = Date.ISO8601FormatStyle()
        for _ in 0..<3000 {
            // Whole milliseconds from year 1000 to 2100, before and after 1970.
            let milliseconds = Double(Int64(generator.next() % 35_700_000_000_000) - 30_610_224_000_000)
            let seconds = (milliseconds / 1000).rounded(.down)
            let fraction = Int(milliseconds - seconds * 1000)
            let expected =
                "[\"" + style.format(Date(timeIntervalSince1970: seconds)).dropLast() + "."
                + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction) + "Z\"]"
            let date = Date(timeIntervalSince1970: milliseconds / 1000)
            #expect(String(decoding: try fast.encode([date]), as: UTF8.self) == expected, "\(milliseconds) ms")
        }
    }

    @Test func specialValuesAndFragments() throws {
        try expectSameBytes("top level")
        try expectSameBytes(42)
        try expectSameBytes(Data([0, 1, 2, 250, 251, 252]))
        try expectSameBytes(URL(string: "https://example.org/a path/?q=1")!)
        try expectSameBytes([1: "one", 20: "twenty", 3: "three"])
        try expectSameBytes(["b": [Int?.none, 1], "a": []])
        try expectSameBytes([EncodesNothing()])
    }

    @Test func containersFilledOutOfOrder() throws {
        try expectSameBytes(OutOfOrder())
        try expectSameBytes([OutOfOrder(), OutOfOrder()])
    }

    @Test func superEncodersAndContainersAskedTwice() throws {
        try expectSameBytes(SuperAndTwice())
        try expectSameBytes([EmptySingleValue()])
    }

    @Test func aTopLevelValueThatEncodesNothingFails() throws {
        #expect(throws: EncodingError.self) { try foundation.encode(EncodesNothing()) }
        #expect(throws: EncodingError.self) { try fast.encode(EncodesNothing()) }
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        try expectSameBytes(DuplicateKeys())
    }

    @Test func nonFiniteNumbersFailAtTheirField() throws {
        try expectSameError(["prices": ["a": [1.0, .nan]]])
    }
}

/// A message behind a concrete type, so both encoders see the same generic value.
private struct AnyEncodable: Encodable {
    let message: any SchemaMessage
    init(_ message: any SchemaMessage) { self.message = message }
    func encode(to encoder: any Encoder) throws { try message.encode(to: encoder) }
}

/// Encodes nothing at all (Foundation writes `{}`).
private struct EncodesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Fills nested containers and a super encoder after writing later members of the parent.
private struct OutOfOrder: Encodable {
    enum Keys: String, CodingKey { case zeta, alpha, middle, list, `super` }
    enum Inner: String, CodingKey { case y, x }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var nested = container.nestedContainer(keyedBy: Inner.self, forKey: .middle)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try container.encode("last", forKey: .zeta)
        try list.encode(1)
        var inList = list.nestedContainer(keyedBy: Inner.self)
        try list.encode(3)
        try nested.encode(2.5, forKey: .y)
        try inList.encode("in", forKey: .x)
        var superContainer = container.superEncoder().singleValueContainer()
        try superContainer.encode([true, false])
        try container.encode(["b": 1, "a": 2], forKey: .alpha)
        try nested.encode("x", forKey: .x)
    }
}

/// A subclass-style super encoder with keys that have no `super` case, and one nested
/// container asked for twice under the same key.
private struct SuperAndTwice: Encodable {
    enum Keys: String, CodingKey { case own, nested }
    enum Inner: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .own)
        var first = container.nestedContainer(keyedBy: Inner.self, forKey: .nested)
        try first.encode("b", forKey: .b)
        var second = container.nestedContainer(keyedBy: Inner.self, forKey: .nested)
        try second.encode("a", forKey: .a)
        var parent = container.superEncoder().container(keyedBy: Inner.self)
        try parent.encode(true, forKey: .a)
    }
}

/// Asks for a single-value container and writes nothing into it (Foundation writes `{}`).
private struct EmptySingleValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        _ = encoder.singleValueContainer()
    }
}

/// Encodes one key twice.
private struct DuplicateKeys: Encodable {
    enum Keys: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .b)
        try container.encode(2, forKey: .a)
        try container.encode("again", forKey: .b)
    }
}

/// A random JSON document: objects with keys of any characters, strings with control and
/// non-ASCII characters, integers, doubles, booleans, nulls and dates.
private indirect enum RandomDocument: Encodable {
    case object([String: RandomDocument])
    case array([RandomDocument])
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case date(Date)
    case null

    static func make(depth: Int, using generator: inout SplitMix64) -> RandomDocument {
        switch generator.next() % (depth > 3 ? 6 : 8) {
        case 0: .string(randomText(using: &generator))
        case 1: .integer(Int(bitPattern: UInt(generator.next())) >> Int(generator.next() % 64))
        case 2: .double(randomDouble(using: &generator))
        case 3: .bool(generator.next() % 2 == 0)
        case 4: .date(Date(timeIntervalSince1970: Double(generator.next() % 4_000_000_000_000) / 1000))
        case 5: .null
        case 6:
            .object(
                Dictionary(
                    (0..<Int(generator.next() % 7)).map { _ in
                        (randomText(using: &generator), make(depth: depth + 1, using: &generator))
                    }, uniquingKeysWith: { first, _ in first }))
        default: .array((0..<Int(generator.next() % 6)).map { _ in make(depth: depth + 1, using: &generator) })
        }
    }

    private static let alphabet: [Unicode.Scalar] = Array(
        "aAbBzZ019_-./\\\" :é€😀\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}\u{2028}".unicodeScalars)

    private static func randomDouble(using generator: inout SplitMix64) -> Double {
        let double = Double(bitPattern: generator.next())
        return double.isFinite ? double : Double(generator.next() % 100_000) / 8
    }

    private static func randomText(using generator: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int(generator.next() % 9) {
            text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
        }
        return String(text)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let elements): try container.encode(elements)
        case .string(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .date(let date): try container.encode(date)
        case .null: try container.encodeNil()
        }
    }
}
