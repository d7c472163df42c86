import Foundation
import Hummingbird

/// The problem body of every refused request.
struct Problem: Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var field: String?
    var input: String?

    init(_ error: ServerError) {
        type = "https://homeprice.example/problems/\(error.code.rawValue)"
        title = error.qualifiedCode
        status = error.code.httpStatus
        detail = error.reason
        field = error.field
        input = error.input
    }

    func response(status: HTTPResponse.Status) -> Response {
        JSONResponse.make(self, status: status, contentType: "application/problem+json")
    }
}
