import Foundation
import HubEngine
import LabCore
import LocalCloud
import NIOCore
import NIOPosix
import Testing
import WorkspaceStore
@testable import WireProtocols

/// MQTT over WebSockets at `/$iothub/websocket`: the upgrade as the device SDK asks for it,
/// and bytes passing both ways through binary frames to whatever serves the byte stream (here
/// an echo, standing in for the MQTT broker, which has its own tests).
@Suite struct HTTPWebSocketTests {
    /// The SDK's handshake (RFC 6455's sample key) asking for the `mqtt` subprotocol.
    static func handshake(path: String) -> [UInt8] {
        Array(
            ("GET \(path) HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n").utf8)
    }

    /// A final binary frame, masked as a client must mask it.
    static func maskedBinaryFrame(_ payload: [UInt8]) -> [UInt8] {
        let mask: [UInt8] = [0x11, 0x22, 0x33, 0x44]
        return [0x82, 0x80 | UInt8(payload.count)] + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    @Test func upgradeAtTheIoTHubPathCarriesBinaryFramesBothWays() async throws {
        try await Self.withServer { port, group in
            let payload: [UInt8] = [0x10, 0x02, 0xAB, 0xCD]
            let received = try await RawSocket.exchange(
                port: port, group: group, send: [Self.handshake(path: "/$iothub/websocket?iothub-no-client-cert=true"), Self.maskedBinaryFrame(payload)]
            ) { bytes in
                bytes.count >= 4 && (bytes.firstRange(of: Array("\r\n\r\n".utf8)).map { bytes.count >= $0.upperBound + 2 + payload.count } ?? false)
            }
            let headerEnd = try #require(received.firstRange(of: Array("\r\n\r\n".utf8)))
            let head = String(decoding: received[..<headerEnd.lowerBound], as: UTF8.self)
            #expect(head.hasPrefix("HTTP/1.1 101"))
            #expect(head.lowercased().contains("sec-websocket-protocol: mqtt"))
            #expect(head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
            let frame = Array(received[headerEnd.upperBound...])
            #expect(frame == [0x82, UInt8(payload.count)] + payload)
        }
    }

    @Test func upgradeElsewhereIsAnsweredByTheRESTRouter() async throws {
        try await Self.withServer { port, group in
            let received = try await RawSocket.exchange(port: port, group: group, send: [Self.handshake(path: "/elsewhere")]) { bytes in
                bytes.firstRange(of: Array("\r\n\r\n".utf8)) != nil
            }
            #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 404"))
        }
    }

    /// A server whose WebSocket byte stream is echoed back.
    static func withServer(_ body: (Int, any EventLoopGroup) async throws -> Void) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
        let server = try await HTTPSServer.start(
            host: "127.0.0.1", port: 0, tls: nil, cloud: cloud, tokenClock: ManualClock(), group: group,
            mqttOverWebSockets: { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(EchoHandler()) }
            })
        var failure: (any Error)?
        do { try await body(server.localPort, group) } catch { failure = error }
        try await server.stop()
        try await group.shutdownGracefully()
        if let failure { throw failure }
    }
}

/// Writes back every byte it reads.
private final class EchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.writeAndFlush(data, promise: nil)
    }
}

/// Bytes over a plain TCP connection, for protocols the test speaks by hand.
enum RawSocket {
    struct TimedOut: Error {}

    /// Sends each chunk in turn, then reads until `isComplete` holds (or 10 seconds pass).
    static func exchange(
        port: Int, group: any EventLoopGroup, send chunks: [[UInt8]], until isComplete: @escaping @Sendable ([UInt8]) -> Bool
    ) async throws -> [UInt8] {
        let channel = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    for chunk in chunks { try await outbound.write(ByteBuffer(bytes: chunk)) }
                    var received: [UInt8] = []
                    for try await buffer in inbound {
                        received.append(contentsOf: buffer.readableBytesView)
                        if isComplete(received) { break }
                    }
                    return received
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                channel.channel.close(promise: nil)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let received = first else { throw TimedOut() }
            return received
        }
    }
}

/// A real MQTT client over WebSockets through the HTTPS listener into the MQTT broker, as a
/// device SDK with `websockets=True` connects (paho, since the SDK hard-codes port 443).
@Suite struct HTTPWebSocketMQTTTests {
    @Test func pahoOverWebSocketsConnectsAndItsTelemetryReachesTheHub() async throws {
        guard let python = MQTTPythonScript.locate() else { return }
        try await HTTPServerFixture.run(mqttOverWebSockets: true) { fixture in
            try await fixture.register("ws-1")
            let result = try await python.run(
                Self.script,
                arguments: [
                    String(fixture.client.port), "\(fixture.hubHostName)/ws-1/?api-version=2021-04-12",
                    try await fixture.deviceToken("ws-1"),
                ])
            #expect(result == ["connack": 0, "published": true])
            let message = try #require(try fixture.events().first?.message)
            #expect(message.body == Array("hello".utf8))
            #expect(message.applicationProperties == ["a": "1"])
            #expect(message.systemProperties.connectionDeviceId == "ws-1")
        }
    }

    static let script = #"""
        import json, sys, threading
        import paho.mqtt.client as mqtt

        client = mqtt.Client(client_id="ws-1", clean_session=False, transport="websockets")
        client.ws_set_options(path="/$iothub/websocket")
        client.username_pw_set(sys.argv[2], sys.argv[3])
        connected = threading.Event()
        codes = []
        def on_connect(client, userdata, flags, rc):
            codes.append(rc)
            connected.set()
        client.on_connect = on_connect
        client.connect("127.0.0.1", int(sys.argv[1]), keepalive=60)
        client.loop_start()
        if not connected.wait(60):
            sys.exit("no CONNACK within 60 s")
        info = client.publish("devices/ws-1/messages/events/a=1", b"hello", qos=1)
        info.wait_for_publish(timeout=60)
        client.disconnect()
        client.loop_stop()
        print(json.dumps({"connack": codes[0], "published": info.is_published()}))
        """#
}
