import ServerCore
import Testing

@Suite("Server errors")
struct ServerErrorTests {
    @Test("a request error names its field and answers a 4xx status")
    func requestErrorsAreClientErrors() {
        let error = ServerError(.invalidRequest, reason: "must be positive", field: "homes[2].livingArea", input: "-3")
        #expect(error.description == "[server.invalidRequest] field 'homes[2].livingArea': must be positive (input: \"-3\")")
        #expect((400..<500).contains(error.code.httpStatus))
    }
}
