import Foundation
import Hummingbird
import NIOCore
import Schema

/// JSON responses in the format the topics carry (``Schema/SchemaJSON``: sorted keys, ISO 8601
/// dates with milliseconds).
enum JSONResponse {
    static func make(_ body: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        let bytes = (try? SchemaJSONEncoder().encodeBytes(body)) ?? Array("{}".utf8)
        return Response(
            status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
