import Hummingbird

/// Lets a request through only with `Authorization: Bearer <token>` (the scheme's name in any
/// case, RFC 9110 §11.1); otherwise answers 401 with a problem body and
/// `WWW-Authenticate: Bearer` (``ProblemMiddleware``). An empty configured token refuses every
/// request.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let presented = request.headers[.authorization].flatMap { value -> Substring? in
            value.prefix(7).lowercased() == "bearer " ? value.dropFirst(7) : nil
        }
        guard !token.isEmpty, let presented, Self.constantTimeEqual(Array(presented.utf8), Array(token.utf8)) else {
            throw ServerError(.unauthorized, reason: "a valid bearer token is required", field: "Authorization")
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
