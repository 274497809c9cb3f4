import Foundation
import JSONValue
import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP answer as a test reads it.
struct HTTPTestResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    /// The body as JSON, or `nil` when it is empty or not JSON.
    var json: JSONValue? {
        String(validating: body, as: UTF8.self).flatMap { try? JSONValue(parsing: $0) }
    }

    func header(_ name: String) -> String? { headers.first(name: name) }
}

/// Why a test request got no answer.
enum HTTPTestClientError: Error {
    case noAnswer(String)
    case timedOut(String)
}

/// A minimal HTTP/1.1 client over a real socket: one connection per request, a 60-second limit
/// on every answer so a hang fails the test instead of stalling it.
struct HTTPTestClient: Sendable {
    let port: Int
    let group: any EventLoopGroup
    /// The `Host` header, as the SDKs send it: the host and port of the connection string.
    var host: String { "localhost:\(port)" }

    func send(
        _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> HTTPTestResponse {
        let description = "\(method) \(path)"
        let channel = try await ClientBootstrap(group: group)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return channel
                }
            }
        let promise = channel.eventLoop.makePromise(of: HTTPTestResponse.self)
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(60)) { promise.fail(HTTPTestClientError.timedOut(description)) }
        promise.futureResult.whenComplete { _ in
            timeout.cancel()
            channel.close(promise: nil)
        }
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise, description: description))
        }.get()
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: host)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(body.count))
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if !body.isEmpty {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        }
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil))
        return try await promise.futureResult.get()
    }

    /// `send` with a JSON body, as the service SDK sends it.
    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], json: JSONValue) async throws -> HTTPTestResponse {
        try await send(method, path, headers: headers + [("Content-Type", "application/json; charset=utf-8")], body: json.compactBytes)
    }
}

/// Collects the answer's head and body and fulfils the promise at its end.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    private let promise: EventLoopPromise<HTTPTestResponse>
    private let description: String
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var answered = false

    init(promise: EventLoopPromise<HTTPTestResponse>, description: String) {
        self.promise = promise
        self.description = description
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body(let chunk): body.append(contentsOf: chunk.readableBytesView)
        case .end:
            guard let head, !answered else { return }
            answered = true
            promise.succeed(HTTPTestResponse(status: Int(head.status.code), headers: head.headers, body: body))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !answered {
            answered = true
            promise.fail(HTTPTestClientError.noAnswer(description))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !answered {
            answered = true
            promise.fail(error)
        }
        context.close(promise: nil)
    }
}
