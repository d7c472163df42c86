import Foundation
import Hummingbird
import NIOCore

/// Reads a request body of at most `limit` bytes and decodes it strictly (``StrictJSON``).
///
/// - Throws: ``ServerError/Code/bodyTooLarge`` beyond `limit`, ``ServerError/Code/invalidRequest``
///   naming the field otherwise.
func decodeBody<Body: Decodable>(_ request: Request, as type: Body.Type, limit: Int) async throws -> Body {
    let buffer: ByteBuffer
    do {
        buffer = try await request.body.collect(upTo: limit)
    } catch is NIOTooManyBytesError {
        throw ServerError(.bodyTooLarge, reason: "the body exceeds \(limit) bytes")
    }
    return try StrictJSON.decode(Body.self, from: Data(buffer.readableBytesView))
}
