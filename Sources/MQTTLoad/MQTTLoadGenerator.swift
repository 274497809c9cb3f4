import MQTTCodec
import NIOCore
import NIOPosix
import NIOSSL

/// Drives many MQTT publishers against one broker (iotlab or any other, such as mosquitto) and
/// measures what it sustains, so iotlab can be compared with a reference broker under the same load.
public enum MQTTLoadGenerator {
    /// Connects every client (all CONNACKs awaited before any publish), publishes for the
    /// configured duration from all of them at once, and reports throughput and latency.
    /// - Throws: the first client's refusal or lost connection; the run stops there.
    /// - Parameter whileConnected: called once every client is connected, before publishing starts
    ///   (to sample the broker's memory with every connection open).
    public static func run(
        _ configuration: MQTTLoadConfiguration, whileConnected: @Sendable () -> Void = {}
    ) async throws -> MQTTLoadReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        do {
            let report = try await run(configuration, on: group, whileConnected: whileConnected)
            try await group.shutdownGracefully()
            return report
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func run(
        _ configuration: MQTTLoadConfiguration, on group: MultiThreadedEventLoopGroup, whileConnected: @Sendable () -> Void
    ) async throws -> MQTTLoadReport {
        let sslContext = try configuration.tls.map(NIOSSLContext.init(configuration:))
        var channels: [any Channel] = []
        var connections: [EventLoopFuture<Void>] = []
        var results: [EventLoopFuture<MQTTLoadClientResult>] = []
        for client in configuration.clients {
            let loop = group.next()
            let connected = loop.makePromise(of: Void.self)
            let finished = loop.makePromise(of: MQTTLoadClientResult.self)
            let serverName = configuration.serverName
            let channel = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHandlers(
                            ByteToMessageHandler(MQTTPacketDecoder()), MessageToByteHandler(MQTTPacketEncoder()),
                            MQTTLoadHandler(client: client, configuration: configuration, connected: connected, finished: finished))
                    }
                }
                .connect(host: configuration.host, port: configuration.port).get()
            channels.append(channel)
            connections.append(connected.futureResult)
            results.append(finished.futureResult)
        }
        for connection in connections { try await connection.get() }
        whileConnected()

        let deadline = NIODeadline.now() + .nanoseconds(Int64(configuration.duration * 1_000_000_000))
        for channel in channels { channel.pipeline.fireUserInboundEventTriggered(MQTTLoadStart(deadline: deadline)) }
        var merged = MQTTLoadClientResult()
        var first: NIODeadline?
        var last: NIODeadline?
        for result in results {
            let client = try await result.get()
            merged.published += client.published
            merged.acknowledged += client.acknowledged
            merged.latencies += client.latencies
            if let start = client.firstPublish { first = min(first ?? start, start) }
            if let end = client.lastAcknowledgement { last = max(last ?? end, end) }
        }
        let elapsed = first.flatMap { start in last.map { Double(($0 - start).nanoseconds) / 1_000_000_000 } } ?? 0
        return MQTTLoadReport(
            clients: configuration.clients.count, published: merged.published, acknowledged: merged.acknowledged, elapsed: elapsed,
            latencies: merged.latencies)
    }
}
