import Configuration

extension DeadLetterPolicy {
    /// Reads `maxPayloadBytes`, `maxReasonCharacters` and `maxReasons` from `reader` (already
    /// scoped, for example to `pipeline.deadLetters`), each defaulting to ``standard``.
    public init(reader: ConfigReader) {
        let standard = DeadLetterPolicy.standard
        self.init(
            maxPayloadBytes: reader.int(forKey: "maxPayloadBytes", default: standard.maxPayloadBytes),
            maxReasonCharacters: reader.int(forKey: "maxReasonCharacters", default: standard.maxReasonCharacters),
            maxReasons: reader.int(forKey: "maxReasons", default: standard.maxReasons))
    }
}
