import Foundation
import Hummingbird

/// `POST /v1/feedback`: a customer's sale price, correction or rating for a prediction, on
/// the `feedback` topic; answered 202 once the broker has it.
struct FeedbackController<Context: RequestContext>: Sendable {
    let components: ServerComponents

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("feedback") { request, _ in
            let body = try await decodeBody(request, as: FeedbackRequestBody.self, limit: components.configuration.maxBodyBytes)
            let feedback = body.feedback(at: Date())
            do {
                try await components.publisher.publish([feedback])
            } catch {
                throw ServerError(.publishFailed, reason: "\(error)", input: feedback.feedbackId)
            }
            return JSONResponse.make(["feedbackId": feedback.feedbackId, "predictionId": feedback.predictionId], status: .accepted)
        }
    }
}
