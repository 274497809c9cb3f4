import Foundation

/// Entity tags as IoT Hub issues and checks them (RFC 7232 weak etags).
///
/// Identities carry the base64 of a decimal number (`"MA=="`, `"NzIyMDI4MTk3"`); twins carry
/// the base64 of their 8-byte big-endian version (`"AAAAAAAAAAE="`), so a twin's etag changes
/// exactly when its version does.
public enum ETag {
    /// A fresh identity etag, different from `previous`.
    static func identity(replacing previous: String? = nil) -> String {
        while true {
            let candidate = Data(String(UInt32.random(in: 1...UInt32.max)).utf8).base64EncodedString()
            if candidate != previous { return candidate }
        }
    }

    /// The etag of a twin at `version`.
    static func twin(version: Int) -> String {
        withUnsafeBytes(of: UInt64(max(0, version)).bigEndian) { Data($0).base64EncodedString() }
    }

    /// Whether an If-Match header value admits a resource whose etag is `current`.
    ///
    /// `nil`, `*` and `"*"` match anything; otherwise the value is compared with its surrounding
    /// quotes removed, because the Python SDK quotes etags and the az CLI does not.
    public static func matches(_ ifMatch: String?, current: String) -> Bool {
        guard let ifMatch else { return true }
        let bare = unquoted(ifMatch)
        return bare == "*" || bare == unquoted(current)
    }

    /// The value without one pair of surrounding double quotes and a `W/` weak prefix.
    public static func unquoted(_ value: String) -> String {
        var text = Substring(value.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
