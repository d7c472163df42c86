/// Finds where bytes stop being UTF-8, so an error can name the position instead of dropping
/// the input.
public enum UTF8Check {
    /// The 0-based offset of the first byte of `bytes` that does not start (or continue) a
    /// valid UTF-8 sequence; `nil` when all of `bytes` is UTF-8.
    public static func firstInvalidByte<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var valid = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): valid += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return valid
            }
        }
    }
}
