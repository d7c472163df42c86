import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The floor of a server on SwiftNIO's standard HTTP/1 pipeline on this machine, for
/// `homeprice bench serve`: NIO's event loops answering every request with 200 and one fixed
/// JSON body from a channel handler (one flush per answer), with no task, no router, no
/// middleware and no work per request. Loaded beside nginx answering the same body, it shows
/// what share of nginx's rate the NIO stack itself can reach, before Hummingbird or any
/// prediction.
struct FixedAnswerServer {
    /// The bytes of every answer's body.
    let body: [UInt8]
    /// Event loop threads.
    let threads: Int

    /// Listens on 127.0.0.1:`port` until the task is cancelled; throws when it cannot listen.
    func run(port: Int) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let body = body
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 1024)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(FixedAnswerHandler(body: body))
                    }
                }
                .bind(host: "127.0.0.1", port: port).get()
            try await withTaskCancellationHandler {
                try await channel.closeFuture.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
    }
}

/// Answers each request, once its end arrived, with 200 and the fixed body in the request's
/// HTTP version; keeps the connection open when the request allows it (HTTP/1.1 unless it
/// says `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`) and closes it after
/// the answer otherwise.
private final class FixedAnswerHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let body: ByteBuffer
    private let headers: HTTPHeaders
    private var request: HTTPRequestHead?

    init(body: [UInt8]) {
        self.body = ByteBuffer(bytes: body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.count))
        self.headers = headers
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): request = head
        case .body: break
        case .end:
            let version = request?.version ?? .http1_1
            let keepAlive = request?.isKeepAlive ?? false
            var headers = headers
            if version == .http1_0, keepAlive { headers.add(name: "Connection", value: "keep-alive") }
            if version == .http1_1, !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            guard !keepAlive else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
        }
    }
}
