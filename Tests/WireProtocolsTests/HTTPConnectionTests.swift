import Foundation
import LabCore
import LocalCloud
import NIOCore
import NIOPosix
import Testing
import WireProtocols
import WorkspaceStore

/// The connection itself: keep-alive with answers in request order, `Connection: close`, and
/// bytes that are not HTTP, which get a 400 and a closed connection without harming the server.
@Suite struct HTTPConnectionTests {
    static func get(_ path: String, connection: String = "keep-alive") -> [UInt8] {
        Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: \(connection)\r\n\r\n".utf8)
    }

    /// The status lines of every answer in `bytes`, bodies in between or not.
    static func statusLines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "HTTP/1.1 ").dropFirst().map {
            "HTTP/1.1 " + ($0.components(separatedBy: "\r\n").first ?? "")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOnOneConnection() async throws {
        try await HTTPServerFixture.run { fixture in
            let received = try await RawSocket.exchange(
                port: fixture.client.port, group: fixture.group,
                send: [Self.get("/devices?api-version=2021-04-12") + Self.get("/nowhere?api-version=2021-04-12")]
            ) { Self.statusLines($0).count == 2 && String(decoding: $0, as: UTF8.self).hasSuffix("}") }
            #expect(Self.statusLines(received) == ["HTTP/1.1 401 Unauthorized", "HTTP/1.1 404 Not Found"])
        }
    }

    @Test func connectionCloseIsHonouredAfterTheAnswer() async throws {
        try await HTTPServerFixture.run { fixture in
            // Read until the server closes: the exchange ends only at end of stream here.
            let received = try await RawSocket.exchange(
                port: fixture.client.port, group: fixture.group, send: [Self.get("/nowhere?api-version=1", connection: "close")]
            ) { _ in false }
            #expect(Self.statusLines(received) == ["HTTP/1.1 404 Not Found"])
            #expect(String(decoding: received, as: UTF8.self).lowercased().contains("connection: close"))
        }
    }

    @Test func garbageGets400AndTheServerKeepsServing() async throws {
        try await HTTPServerFixture.run { fixture in
            let received = try await RawSocket.exchange(
                port: fixture.client.port, group: fixture.group, send: [Array("\u{1}\u{2} not http at all\r\n\r\n".utf8)]
            ) { _ in false }
            #expect(Self.statusLines(received).first == "HTTP/1.1 400 Bad Request")
            #expect(try await fixture.service(.GET, "/statistics/devices").status == 200)
        }
    }
}

/// Stopping the server ends the connections it accepted, not only its listener.
@Suite struct HTTPServerStopTests {
    @Test func stopClosesAnOpenKeepAliveConnection() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
        let server = try await HTTPSServer.start(
            host: "127.0.0.1", port: 0, tls: nil, cloud: cloud, tokenClock: ManualClock(), group: group, webSocketMQTT: nil)
        let client = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: server.localPort) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
        let closedByServer = try await client.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: HTTPConnectionTests.get("/nowhere?api-version=1")))
            var iterator = inbound.makeAsyncIterator()
            _ = try await iterator.next()  // the 404, on a connection kept alive
            try await server.stop()
            return try await iterator.next() == nil
        }
        #expect(closedByServer)
        try await group.shutdownGracefully()
    }
}
