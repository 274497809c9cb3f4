import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Adds MQTT handlers to an open byte channel: `MQTTServer.configureConnection`.
typealias ConnectionConfigurator = @Sendable (any Channel) -> EventLoopFuture<Void>

/// The WebSocket upgrade at `/$iothub/websocket`, where the device SDKs open MQTT over
/// WebSockets on port 443 (`websockets=True`), naming the subprotocol `mqtt`.
enum MQTTWebSocketUpgrade {
    /// The path the device SDKs hard-code.
    static let path = "/$iothub/websocket"
    /// Larger than the largest MQTT packet IoT Hub accepts (256 KB plus headers), since one
    /// frame may carry a whole packet.
    static let maximumFrameSize = 512 * 1024

    /// An upgrader that accepts only `path`, echoes the `mqtt` subprotocol, and hands the
    /// connection, behind a frame-to-bytes adapter, to `configure`.
    static func upgrader(configure: @escaping ConnectionConfigurator) -> NIOWebSocketServerUpgrader {
        NIOWebSocketServerUpgrader(
            maxFrameSize: maximumFrameSize, automaticErrorHandling: true,
            shouldUpgrade: { channel, head in
                guard head.uri.split(separator: "?").first.map(String.init) == path else {
                    return channel.eventLoop.makeSucceededFuture(nil)
                }
                var headers = HTTPHeaders()
                let offered = head.headers[canonicalForm: "Sec-WebSocket-Protocol"].map { $0.lowercased() }
                if offered.contains("mqtt") { headers.add(name: "Sec-WebSocket-Protocol", value: "mqtt") }
                return channel.eventLoop.makeSucceededFuture(headers)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(WebSocketByteStreamHandler())
                }.flatMap { configure(channel) }
            })
    }
}
