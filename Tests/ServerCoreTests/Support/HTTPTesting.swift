import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServerCore
import Testing

/// A JSON answer of the API as a dictionary.
struct JSONAnswer {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let object: [String: Any]
    let text: String

    init(_ response: TestResponse) throws {
        status = response.status
        headers = response.headers
        text = String(buffer: response.body)
        object = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    subscript(key: String) -> Any? { object[key] }
}

extension TestClientProtocol {
    /// Sends `body` (JSON text) to `uri` with `token` as a bearer token named by `scheme`, and
    /// returns the answer.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json body: String? = nil, token: String? = nil, scheme: String = "Bearer"
    ) async throws -> JSONAnswer {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "\(scheme) \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            try JSONAnswer($0)
        }
    }
}

/// JSON text of a value.
func jsonText(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
}
