import Foundation
import JSONValue
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The device side of DPS's HTTPS API, for what no Azure SDK in the lab's venv does: TPM
/// attestation (`iotlab tpm register`). One TLS connection per request, the server checked
/// against the workspace CA, and a deadline on every answer so a silent server is an error, not
/// a hang.
struct ProvisioningHTTPSClient: Sendable {
    /// Where the HTTPS front door listens, and the name its certificate is checked for.
    let host: String
    let port: Int
    let serverName: String
    let tls: NIOSSLContext
    let group: any EventLoopGroup
    static let deadline = TimeAmount.seconds(30)

    struct Response: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: JSONValue?
    }

    enum Failure: Error, CustomStringConvertible {
        case noAnswer(String)
        case timedOut(String)

        var description: String {
            switch self {
            case .noAnswer(let request): "\(request): the connection closed without an answer"
            case .timedOut(let request): "\(request): no answer within \(ProvisioningHTTPSClient.deadline.nanoseconds / 1_000_000_000) s"
            }
        }
    }

    /// Trusts only `caPEM` (the workspace CA), as the device SDKs' `server_verification_cert` does.
    init(host: String, port: Int, serverName: String, caPEM: String, group: any EventLoopGroup) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        self.host = host
        self.port = port
        self.serverName = serverName
        tls = try NIOSSLContext(configuration: configuration)
        self.group = group
    }

    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], json: JSONValue? = nil) async throws -> Response {
        let description = "\(method) \(path)"
        let tls = self.tls
        let serverName = self.serverName
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(Self.deadline)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return channel
                }
            }
        let promise = channel.eventLoop.makePromise(of: Response.self)
        let timeout = channel.eventLoop.scheduleTask(in: Self.deadline) { promise.fail(Failure.timedOut(description)) }
        promise.futureResult.whenComplete { _ in
            timeout.cancel()
            channel.close(promise: nil)
        }
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(ProvisioningResponseCollector(promise: promise, description: description))
        }.get()
        let body = json?.compactBytes ?? []
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: serverName)
        head.headers.add(name: "Accept", value: "application/json")
        if json != nil { head.headers.add(name: "Content-Type", value: "application/json; charset=utf-8") }
        head.headers.add(name: "Content-Length", value: String(body.count))
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if !body.isEmpty { channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil) }
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil))
        return try await promise.futureResult.get()
    }
}

/// Collects one answer and fulfils the promise at its end, or fails it if the connection drops.
private final class ProvisioningResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    private let promise: EventLoopPromise<ProvisioningHTTPSClient.Response>
    private let description: String
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var answered = false

    init(promise: EventLoopPromise<ProvisioningHTTPSClient.Response>, description: String) {
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
            let json = String(validating: body, as: UTF8.self).flatMap { try? JSONValue(parsing: $0) }
            promise.succeed(.init(status: Int(head.status.code), headers: head.headers, body: json))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(ProvisioningHTTPSClient.Failure.noAnswer(description))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: any Error) {
        guard !answered else { return }
        answered = true
        promise.fail(error)
    }
}
