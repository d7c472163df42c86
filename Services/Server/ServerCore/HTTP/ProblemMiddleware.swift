import Hummingbird

/// Turns every failure a route throws into a JSON problem body: a ``ServerError`` keeps its
/// status (a 401 with `WWW-Authenticate: Bearer`); any other error (which is a bug) answers 500
/// without details, so no input can crash the server or leak internals. A path of the API
/// asked with a method it does not declare answers 405 with the `Allow` header (not 404).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            var response = Problem(error).response(status: error.status)
            if error.code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        } catch let error as HTTPError
            where error.status == .notFound && OpenAPIDocument.methodsByPath[request.uri.path].map({ !$0.isEmpty }) == true
        {
            let allowed = (OpenAPIDocument.methodsByPath[request.uri.path] ?? []).sorted().joined(separator: ", ")
            var problem = Problem(ServerError(.invalidRequest, reason: "\(request.method) is not allowed here; allowed: \(allowed)"))
            problem.status = 405
            problem.title = "http.405"
            var response = problem.response(status: .methodNotAllowed)
            response.headers[.allow] = allowed
            return response
        } catch let error as HTTPError {
            var problem = Problem(ServerError(.invalidRequest, reason: error.body ?? "\(error.status.reasonPhrase)"))
            problem.status = error.status.code
            problem.title = "http.\(error.status.code)"
            return problem.response(status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            var problem = Problem(ServerError(.invalidRequest, reason: "internal error"))
            problem.status = 500
            problem.title = "server.internal"
            return problem.response(status: .internalServerError)
        }
    }
}
