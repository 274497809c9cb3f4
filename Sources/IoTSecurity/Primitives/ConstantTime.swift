/// Comparison whose running time does not depend on where two secrets first differ, so a client
/// guessing a signature learns nothing from how fast it is rejected.
enum ConstantTime {
    /// `true` when `lhs` and `rhs` hold the same bytes. Only the lengths, which are public for a
    /// base64 HMAC-SHA256 signature, affect the time taken.
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }
}
