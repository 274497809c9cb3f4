/// The block size in which IoT Hub counts a payload as messages.
///
/// Azure charges and meters in whole blocks: 4 KB on basic and standard hubs, 0.5 KB on the
/// free tier, and a payload of zero bytes still counts as one block ("requests or responses with
/// no payload are charged as one message", IoT Hub billing information). The direct-method
/// throttle uses the same 4 KB meter, so a 0–4 KB call consumes 4 KB of the KB/s allowance.
public struct MessageMeter: Sendable, Equatable {
    /// The block size in bytes.
    public let bytes: Int

    /// 512 bytes: the free tier's quota meter.
    public static let halfKilobyte = MessageMeter(bytes: 512)
    /// 4,096 bytes: the quota meter of basic and standard hubs, and the direct-method throttle meter.
    public static let fourKilobytes = MessageMeter(bytes: 4096)

    /// How many blocks a payload of `payloadBytes` fills: at least 1, and one more for every
    /// started block (4,097 bytes are 2 blocks of 4 KB).
    public func blocks(forPayloadBytes payloadBytes: Int) -> Int {
        max(1, payloadBytes / bytes + (payloadBytes % bytes > 0 ? 1 : 0))
    }
}
