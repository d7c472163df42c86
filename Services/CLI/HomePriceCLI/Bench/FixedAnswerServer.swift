import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The floor of any server written on SwiftNIO on this machine, for `homeprice bench serve`:
/// HTTP/1.1 on NIO's event loops answering every request with 200 and one fixed JSON body from
/// a channel handler, with no task, no router, no middleware and no work per request. Loaded
/// beside nginx answering the same body, it shows what share of nginx's rate the NIO stack
/// itself can reach, before Hummingbird or any prediction.
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

/// Answers each request, once its end arrived, with 200 and the fixed body; keeps the
/// connection open unless the request asked to close it.
private final class FixedAnswerHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let body: [UInt8]
    private var keepAlive = true

    init(body: [UInt8]) {
        self.body = body
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): keepAlive = head.isKeepAlive
        case .body: break
        case .end:
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.count))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
            guard !keepAlive else {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
        }
    }
}
