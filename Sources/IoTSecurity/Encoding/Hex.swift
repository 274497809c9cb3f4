/// Hexadecimal digits, shared by percent-encoding and certificate thumbprints.
enum Hex {
    /// Two uppercase hex digits per byte, the form Azure shows thumbprints in and the form
    /// percent-encoding escapes use.
    static func encode(_ bytes: [UInt8]) -> String {
        var result = ""
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.unicodeScalars.append(digits[Int(byte >> 4)])
            result.unicodeScalars.append(digits[Int(byte & 0x0F)])
        }
        return result
    }

    /// The value of one ASCII hex digit of either case, or `nil` for any other byte.
    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let digits = Array("0123456789ABCDEF".unicodeScalars)
}
