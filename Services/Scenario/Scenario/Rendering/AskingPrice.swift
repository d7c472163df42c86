extension ScenarioHome {
    /// The asking price a listing shows: the sale price plus a premium of 0–6 %, rounded to
    /// 1,000; listings and agencies show it, registers show the sale price.
    func askingPrice(random: inout SplitMix64) -> Double {
        (price * random.uniform(1.0...1.06) / 1_000).rounded() * 1_000
    }
}
