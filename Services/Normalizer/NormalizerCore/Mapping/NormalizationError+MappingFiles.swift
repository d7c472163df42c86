import ServiceSupport

extension NormalizationError {
    /// The normalizer's reading of a mapping-file failure: an invalid mapping stays one,
    /// anything else is a file that could not be read.
    init(mappingLoad error: ServiceSupportError) {
        let code: Code = error.code == .invalidMapping ? .invalidMapping : .unreadableFile
        self.init(code, reason: error.reason, input: error.input)
    }
}
