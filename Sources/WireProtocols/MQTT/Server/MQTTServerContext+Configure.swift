import MQTTCodec
import NIOCore

extension MQTTServerContext {
    /// Puts the keep-alive check and the codec on `channel` and starts its connection task.
    /// Must run on the channel's event loop.
    func configure(_ channel: any Channel) throws {
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(MQTTKeepAlive())
        try pipeline.addHandler(ByteToMessageHandler(MQTTPacketDecoder()))
        try pipeline.addHandler(MessageToByteHandler(MQTTPacketEncoder()))
        let asyncChannel = try NIOAsyncChannel<MQTTPacket, MQTTPacket>(wrappingChannelSynchronously: channel)
        let context = self
        Task {
            guard await context.connections.insert(channel) else {
                try? await channel.close()
                return
            }
            try? await asyncChannel.executeThenClose { inbound, outbound in
                await MQTTDeviceConnection(channel: channel, outbound: outbound, server: context).run(inbound: inbound)
            }
            await context.connections.remove(channel)
        }
    }
}
