import MQTTCodec
import NIOCore

extension MQTTServerContext {
    /// Puts the keep-alive check, the decoder and the connection handler (which also encodes) on
    /// `channel` and starts its connection task. Must run on the channel's event loop.
    func configure(_ channel: any Channel) throws {
        let (events, continuation) = AsyncStream.makeStream(of: MQTTConnectionEvent.self)
        let handler = MQTTConnectionHandler(events: continuation)
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(MQTTKeepAlive())
        try pipeline.addHandler(ByteToMessageHandler(MQTTPacketDecoder()))
        try pipeline.addHandler(handler)
        let handle = MQTTConnectionHandler.Handle(handler, loop: channel.eventLoop)
        let context = self
        Task {
            guard await context.connections.insert(channel) else {
                try? await channel.close()
                return
            }
            await MQTTDeviceConnection(channel: channel, handler: handle, server: context).run(events: events, continuation: continuation)
            await context.connections.remove(channel)
        }
    }
}
