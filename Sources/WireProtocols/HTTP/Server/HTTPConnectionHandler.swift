import NIOCore
import NIOHTTP1

/// Collects each request on one connection, hands it to the router, and writes the answer.
///
/// NIO's pipelining handler in front of this one holds back a request until the previous answer
/// is written, so answers leave in request order. A body over `maximumBodyBytes` is still
/// drained, then answered 413 without reaching a hub.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Azure Storage's single Put Blob size that `azure-storage-blob` uses before it switches to
    /// blocks (64 MiB), far above any IoT Hub request (256 KB telemetry, 100-device bulk requests),
    /// whose own limits the hub checks.
    static let maximumBodyBytes = 64 * 1024 * 1024

    private let router: RESTRouter
    private let peer: RESTPeer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyBytes = 0

    init(router: RESTRouter, peer: RESTPeer) {
        self.router = router
        self.peer = peer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            bodyBytes = 0
        case .body(let chunk):
            bodyBytes += chunk.readableBytes
            if bodyBytes <= Self.maximumBodyBytes { body.append(contentsOf: chunk.readableBytesView) }
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, body: body, context: context)
            body = []
        }
    }

    /// Bytes that are not HTTP end the connection once NIO's error handler has answered 400, so
    /// a broken client cannot hold it open. Other errors, such as a WebSocket upgrade declined
    /// for a path that is not `/$iothub/websocket`, leave the request to be answered as usual.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError {
            context.close(promise: nil)
        } else {
            context.fireErrorCaught(error)
        }
    }

    private func respond(to head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let promise = context.eventLoop.makePromise(of: RESTResponse.self)
        if bodyBytes > Self.maximumBodyBytes {
            let error = RESTError.requestTooLarge(size: bodyBytes, limit: Self.maximumBodyBytes)
            promise.succeed(.error(error, at: router.cloud.clock.now()))
        } else {
            let router = self.router
            let peer = self.peer
            promise.completeWithTask {
                do throws(RESTError) {
                    let request = try RESTRequest(method: head.method, uri: head.uri, headers: head.headers, body: body)
                    return await router.respond(to: request, peer: peer)
                } catch {
                    return .error(error, at: router.cloud.clock.now())
                }
            }
        }
        promise.futureResult.assumeIsolated().whenSuccess { response in
            self.write(response, keepAlive: head.isKeepAlive, version: head.version, context: context)
        }
    }

    private func write(_ response: RESTResponse, keepAlive: Bool, version: HTTPVersion, context: ChannelHandlerContext) {
        var headers = response.headers
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let sent = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: sent)
        if !keepAlive {
            sent.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
