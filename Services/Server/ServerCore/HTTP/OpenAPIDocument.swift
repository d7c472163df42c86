import Foundation

/// The OpenAPI document of the API (`Resources/openapi.yaml`), served at `/openapi.yaml`.
enum OpenAPIDocument {
    /// The document's bytes, read once from the target's resources.
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let data = try? Data(contentsOf: url) else {
            return Data("openapi: 3.0.3\n".utf8)
        }
        return data
    }()
}
