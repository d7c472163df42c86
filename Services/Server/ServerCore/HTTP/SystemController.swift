import Foundation
import Hummingbird
import ServiceSupport

/// `GET /health`, `GET /metrics` (Prometheus) and `GET /openapi.yaml` (the API's description).
struct SystemController<Context: RequestContext>: Sendable {
    let components: ServerComponents

    func addRoutes(to router: Router<Context>) {
        router.get("health") { _, _ in
            let snapshot = components.catalog.snapshot
            let ready = components.catalog.isReady
            let journal = components.queue.journal.health
            let status = !ready ? "starting" : journal.problem == nil ? "ok" : "degraded"
            return JSONResponse.make(
                [
                    "status": status, "models": "\(snapshot.models.count)", "generation": "\(snapshot.generation)",
                    "journal": journal.problem?.description ?? "ok", "unpublished": "\(journal.undelivered)",
                    "journalBytes": "\(journal.bytes)",
                ],
                status: status == "ok" ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: Observability.prometheusText())))
        }
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.data)))
        }
    }
}
