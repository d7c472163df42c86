import Foundation

/// Decoding token values as `Decodable` types with the errors `JSONDecoder` throws; the
/// containers of ``TapeDecoder`` call these with the place of the value, asked for only
/// when an error or a nested decoder needs it.
extension JSONTape {
    /// Token `index` as `type`; `location` tells where the token sits, for errors and nested
    /// decoders.
    func decode<Value: Decodable>(_ type: Value.Type, at index: Int, location: () -> ValueLocation) throws -> Value {
        // The types JSONDecoder reads itself, and the common scalars without a nested decoder.
        if type == String.self {
            return unsafeBitCast(try decodeString(at: index, location: location), to: Value.self)
        } else if type == Int.self {
            return unsafeBitCast(try decodeInteger(Int.self, at: index, location: location), to: Value.self)
        } else if type == Double.self {
            return unsafeBitCast(try decodeDouble(at: index, location: location), to: Value.self)
        } else if type == Bool.self {
            return unsafeBitCast(try decodeBool(at: index, location: location), to: Value.self)
        } else if type == Date.self {
            return unsafeBitCast(try decodeDate(at: index, location: location), to: Value.self)
        } else if type == URL.self {
            return unsafeBitCast(try decodeURL(at: index, location: location), to: Value.self)
        } else if type == Data.self {
            return unsafeBitCast(try decodeData(at: index, location: location), to: Value.self)
        } else if type == Decimal.self {
            return unsafeBitCast(try decodeDecimal(at: index, location: location), to: Value.self)
        } else if type == JSONValue.self {
            do {
                return unsafeBitCast(try jsonValue(at: index), to: Value.self)
            } catch {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: location().codingPath, debugDescription: "A string or number in the value is malformed."))
            }
        }
        // Arrays and dictionaries are one reference wide; the size spares other types the
        // costlier conformance check.
        if MemoryLayout<Value>.size == MemoryLayout<[Int]>.size,
            let collection = Value.self as? any TapeDecodableCollection.Type,
            collection.tokenKind == kind(of: index)
        {
            return unsafeBitCast(try decodeCollection(collection, at: index, location: location), to: Value.self)
        }
        return try Value(from: location().decoder(of: self, at: index))
    }

    private func decodeCollection<Collection: TapeDecodableCollection>(
        _ type: Collection.Type, at index: Int, location: () -> ValueLocation
    ) throws -> Collection {
        try type.decode(from: self, at: index, location: location)
    }

    func decodeString(at index: Int, location: () -> ValueLocation) throws -> String {
        try read(String.self, location) { () throws(ValueFailure) in try string(at: index) }
    }

    func decodeBool(at index: Int, location: () -> ValueLocation) throws -> Bool {
        try read(Bool.self, location) { () throws(ValueFailure) in try bool(at: index) }
    }

    func decodeInteger<Integer: FixedWidthInteger & Decodable>(
        _ type: Integer.Type, at index: Int, location: () -> ValueLocation
    ) throws -> Integer {
        try read(type, location) { () throws(ValueFailure) in try integer(at: index, as: type) }
    }

    func decodeDouble(at index: Int, location: () -> ValueLocation) throws -> Double {
        try read(Double.self, location) { () throws(ValueFailure) in try double(at: index) }
    }

    func decodeFloat(at index: Int, location: () -> ValueLocation) throws -> Float {
        try read(Float.self, location) { () throws(ValueFailure) in try float(at: index) }
    }

    /// The value `reader` reads; its failure as the error `JSONDecoder` throws for an
    /// `expected` at `location`.
    @inline(__always)
    private func read<Value>(
        _ expected: Value.Type, _ location: () -> ValueLocation, _ reader: () throws(ValueFailure) -> Value
    ) throws -> Value {
        do {
            return try reader()
        } catch {
            throw Self.error(error, expected: expected, at: location())
        }
    }

    /// A date in ``Timestamp`` form, as ``SchemaJSON/makeDecoder()``'s date strategy reads it.
    private func decodeDate(at index: Int, location: () -> ValueLocation) throws -> Date {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: Date.self, at: location()) }
        if tokens[index].kind == .string, tokens[index].isPlain, let date = Timestamp.canonicalDate(from: text(of: index)) {
            return date
        }
        return try SchemaJSON.date(fromTimestamp: decodeString(at: index, location: location), codingPath: location().codingPath)
    }

    private func decodeURL(at index: Int, location: () -> ValueLocation) throws -> URL {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: URL.self, at: location()) }
        guard let url = URL(string: try decodeString(at: index, location: location)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: location().codingPath, debugDescription: "Invalid URL string."))
        }
        return url
    }

    /// Base64 text, as `JSONDecoder`'s default data strategy reads it.
    private func decodeData(at index: Int, location: () -> ValueLocation) throws -> Data {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: Data.self, at: location()) }
        guard let data = Data(base64Encoded: try decodeString(at: index, location: location)) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: location().codingPath, debugDescription: "Encountered Data is not valid Base64."))
        }
        return data
    }

    private func decodeDecimal(at index: Int, location: () -> ValueLocation) throws -> Decimal {
        do {
            return try decimal(at: index)
        } catch .mismatch {
            throw DecodingError.typeMismatch(Decimal.self, .init(codingPath: location().codingPath, debugDescription: ""))
        } catch {
            throw Self.error(error, expected: Decimal.self, at: location())
        }
    }

    /// The error `JSONDecoder` throws for `failure` when reading an `expected` at `path`.
    static func error(_ failure: ValueFailure, expected: Any.Type, at location: ValueLocation) -> any Error {
        switch failure {
        case .null:
            DecodingError.valueNotFound(
                expected,
                .init(codingPath: location.codingPath, debugDescription: "Cannot get value of type \(expected) -- found null value instead")
            )
        case .mismatch(let found):
            DecodingError.typeMismatch(
                expected,
                .init(codingPath: location.codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
        case .invalid:
            InvalidJSON()
        }
    }
}
