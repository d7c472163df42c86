extension ScenarioHome {
    /// This home as `source` writes it (a JSON line, a CSV row, an XML element), with the
    /// source's usual noise drawn from `seed`: what a client that only has a source's record
    /// sends to the model server.
    public func rawRecord(in source: ScenarioSource, seed: UInt64) -> String {
        var noise = RecordNoise(random: SplitMix64(seed: seed).derived(UInt64(index)))
        return source.render(self, recordId: source.recordId(for: self), noise: &noise)
    }
}
