import Foundation

/// Decoding token values as `Decodable` types with the errors `JSONDecoder` throws; the
/// containers of ``TapeDecoder`` call these with the coding path of the value, built only
/// when an error needs it.
extension JSONTape {
    /// Token `index` as `type`; `path` is the coding path of the token.
    func decode<Value: Decodable>(_ type: Value.Type, at index: Int, path: () -> CodingPathNode) throws -> Value {
        // The types JSONDecoder reads itself, and the common scalars without a nested decoder.
        if type == String.self {
            return unsafeBitCast(try decodeString(at: index, path: path), to: Value.self)
        } else if type == Int.self {
            return unsafeBitCast(try decodeInteger(Int.self, at: index, path: path), to: Value.self)
        } else if type == Double.self {
            return unsafeBitCast(try decodeDouble(at: index, path: path), to: Value.self)
        } else if type == Bool.self {
            return unsafeBitCast(try decodeBool(at: index, path: path), to: Value.self)
        } else if type == Date.self {
            return unsafeBitCast(try decodeDate(at: index, path: path), to: Value.self)
        } else if type == URL.self {
            return unsafeBitCast(try decodeURL(at: index, path: path), to: Value.self)
        } else if type == Data.self {
            return unsafeBitCast(try decodeData(at: index, path: path), to: Value.self)
        } else if type == Decimal.self {
            return unsafeBitCast(try decodeDecimal(at: index, path: path), to: Value.self)
        }
        return try Value(from: TapeDecoder(tape: self, token: index, path: path()))
    }

    func decodeString(at index: Int, path: () -> CodingPathNode) throws -> String {
        do {
            return try string(at: index)
        } catch {
            throw Self.error(error, expected: String.self, at: path())
        }
    }

    func decodeBool(at index: Int, path: () -> CodingPathNode) throws -> Bool {
        do {
            return try bool(at: index)
        } catch {
            throw Self.error(error, expected: Bool.self, at: path())
        }
    }

    func decodeInteger<Integer: FixedWidthInteger & Decodable>(
        _ type: Integer.Type, at index: Int, path: () -> CodingPathNode
    ) throws -> Integer {
        do {
            return try integer(at: index, as: type)
        } catch {
            throw Self.error(error, expected: type, at: path())
        }
    }

    func decodeDouble(at index: Int, path: () -> CodingPathNode) throws -> Double {
        do {
            return try double(at: index)
        } catch {
            throw Self.error(error, expected: Double.self, at: path())
        }
    }

    func decodeFloat(at index: Int, path: () -> CodingPathNode) throws -> Float {
        do {
            return try float(at: index)
        } catch {
            throw Self.error(error, expected: Float.self, at: path())
        }
    }

    /// A date in ``Timestamp`` form, as ``SchemaJSON/makeDecoder()``'s date strategy reads it.
    private func decodeDate(at index: Int, path: () -> CodingPathNode) throws -> Date {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: Date.self, at: path()) }
        if tokens[index].kind == .string, tokens[index].isPlain, let date = Timestamp.canonicalDate(from: text(of: index)) {
            return date
        }
        return try SchemaJSON.date(fromTimestamp: decodeString(at: index, path: path), codingPath: path().path)
    }

    private func decodeURL(at index: Int, path: () -> CodingPathNode) throws -> URL {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: URL.self, at: path()) }
        guard let url = URL(string: try decodeString(at: index, path: path)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path().path, debugDescription: "Invalid URL string."))
        }
        return url
    }

    /// Base64 text, as `JSONDecoder`'s default data strategy reads it.
    private func decodeData(at index: Int, path: () -> CodingPathNode) throws -> Data {
        guard kind(of: index) != .null else { throw Self.error(.null, expected: Data.self, at: path()) }
        guard let data = Data(base64Encoded: try decodeString(at: index, path: path)) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path().path, debugDescription: "Encountered Data is not valid Base64."))
        }
        return data
    }

    private func decodeDecimal(at index: Int, path: () -> CodingPathNode) throws -> Decimal {
        do {
            return try decimal(at: index)
        } catch .mismatch {
            throw DecodingError.typeMismatch(Decimal.self, .init(codingPath: path().path, debugDescription: ""))
        } catch {
            throw Self.error(error, expected: Decimal.self, at: path())
        }
    }

    /// The error `JSONDecoder` throws for `failure` when reading an `expected` at `path`.
    static func error(_ failure: ValueFailure, expected: Any.Type, at path: CodingPathNode) -> any Error {
        switch failure {
        case .null:
            DecodingError.valueNotFound(
                expected,
                .init(codingPath: path.path, debugDescription: "Cannot get value of type \(expected) -- found null value instead"))
        case .mismatch(let found):
            DecodingError.typeMismatch(
                expected, .init(codingPath: path.path, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
        case .invalid:
            InvalidJSON()
        }
    }
}
