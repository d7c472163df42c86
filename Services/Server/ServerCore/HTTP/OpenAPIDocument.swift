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

    /// The methods the document declares per path (`/v1/predictions` → `POST`), read from its
    /// `paths` section: the server answers 405 with `Allow` for any other method on these paths.
    static let methodsByPath: [String: Set<String>] = {
        let methods: Set = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var table: [String: Set<String>] = [:]
        var inPaths = false
        var path: String?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inPaths = line.hasPrefix("paths:")
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast(line.hasSuffix(":") ? 1 : 0))
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                let name = line.dropFirst(4).split(separator: ":").first.map(String.init), methods.contains(name)
            {
                table[path, default: []].insert(name.uppercased())
            }
        }
        return table
    }()
}
