import MQTTCodec
import NIOCore
import Testing

/// A bounded, seeded random-mutation fuzz of the decoder: whatever the bytes, decoding returns
/// packets or a typed error, never crashes or loops, and whatever it accepts re-encodes to a
/// packet that decodes the same.
@Suite struct MQTTDecoderFuzzTests {
    static let seed: UInt64 = 0x10_7AB_2026
    static let iterations = 20_000

    @Test func mutatedCorpusNeverCrashesAndAcceptedPacketsRoundTrip() throws {
        var random = SplitMix64(seed: Self.seed)
        let corpus = MQTTFuzzCorpus.packets.map(MQTTTestBytes.encode)
        var accepted = 0
        var refused = 0
        for iteration in 0..<Self.iterations {
            let bytes = Self.mutate(corpus[Int.random(in: 0..<corpus.count, using: &random)], using: &random)
            var buffer = ByteBuffer(bytes: bytes)
            do {
                // Each successful decode consumes at least two bytes, so this loop ends.
                while let packet = try MQTTPacket.decode(from: &buffer, maximumSize: 4096) {
                    accepted += 1
                    let again = try MQTTTestBytes.decode(MQTTTestBytes.encode(packet), maximumSize: 1 << 20)
                    #expect(again == packet, "seed \(Self.seed) iteration \(iteration): \(bytes)")
                }
            } catch {
                refused += 1
            }
        }
        // The mutations are mild enough that both outcomes are exercised.
        #expect(accepted > 1000)
        #expect(refused > 1000)
    }

    /// One to four mutations: flip a bit, overwrite, insert or delete a byte, truncate, or
    /// splice in a huge remaining length.
    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
            case 3 where !bytes.isEmpty: bytes.remove(at: index)
            case 4: bytes = Array(bytes.prefix(index))
            case 5 where bytes.count > 1: bytes.replaceSubrange(1..<2, with: [0xFF, 0xFF, 0xFF, UInt8.random(in: 0...0xFF, using: &random)])
            default: break
            }
        }
        return bytes
    }
}
