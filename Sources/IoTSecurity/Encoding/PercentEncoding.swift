/// URL percent-encoding as the Azure IoT SDKs apply it: SAS token fields, MQTT topic property
/// bags and method names, storage SAS query values.
public enum PercentEncoding {
    /// Encodes every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - _ . ~`), with uppercase
    /// hex digits: Python's `quote(text, safe="")`, JavaScript's `encodeURIComponent` for these
    /// inputs, and the form the device SDKs sign. `/`, `&`, `=` and `$` are escaped too, so they
    /// never split a property bag.
    public static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + Hex.encode([byte])
            }
        }
        return result
    }

    /// Replaces each `%XX` escape with its byte; like Python's `unquote` and .NET's decoder it
    /// leaves a malformed escape as it is, and it leaves `+` alone because no field the SDKs send
    /// uses `+` for a space.
    public static func decode<Text: StringProtocol>(_ text: Text) -> String {
        guard text.contains("%") else { return String(text) }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = Hex.value(of: bytes[index + 1]), let low = Hex.value(of: bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
