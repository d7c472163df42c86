extension String {
    /// Reads the NUL-terminated text in a C character buffer (an `errstr` out-parameter).
    init(cBuffer: [CChar]) {
        self.init(decoding: cBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
