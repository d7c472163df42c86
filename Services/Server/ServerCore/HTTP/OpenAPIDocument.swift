import Foundation
import Yams

/// The OpenAPI document of the API (`Resources/openapi.yaml`), served at `/openapi.yaml`.
enum OpenAPIDocument {
    /// The document's bytes, read once from the target's resources.
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let data = try? Data(contentsOf: url) else {
            return Data("openapi: 3.0.3\n".utf8)
        }
        return data
    }()

    /// The methods the document declares per path (`/v1/predictions` → `POST`), read from its
    /// `paths` section: the server answers 405 with `Allow` for any other method on these paths.
    static let methodsByPath: [String: Set<String>] = {
        let methods: Set = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        guard let document = try? Yams.load(yaml: String(decoding: data, as: UTF8.self)) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { return [:] }
        return paths.compactMapValues { operations in
            (operations as? [String: Any]).map { Set($0.keys.filter(methods.contains).map { $0.uppercased() }) }
        }
    }()
}
