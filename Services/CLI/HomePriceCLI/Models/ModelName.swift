/// The registry name of a region's model: `homeprice-<region lowercased>`, for example
/// `homeprice-de` for `DE` (DESIGN.md, "Models, versions and experiments").
struct ModelName: Sendable, Equatable, CustomStringConvertible {
    /// The region code as the pipeline writes it, upper case (`DE`).
    let region: String
    /// The model name, `homeprice-de`.
    let name: String

    /// The model of `region`, which is letters only in any case (`de`, `DE`).
    ///
    /// - Throws: ``ModelsCommandError/Code/invalidRegion`` naming the region otherwise.
    init(region: String) throws(ModelsCommandError) {
        guard !region.isEmpty, region.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            throw ModelsCommandError(.invalidRegion, reason: "a region is a code of letters, such as US, CA or DE", input: region)
        }
        self.region = region.uppercased()
        name = "homeprice-\(region.lowercased())"
    }

    var description: String { name }
}
