import Hummingbird

extension ServerError {
    /// The HTTP status of ``Code/httpStatus``.
    var status: HTTPResponse.Status { HTTPResponse.Status(code: code.httpStatus) }
}
