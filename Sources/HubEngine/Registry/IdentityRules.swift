/// The rules IoT Hub applies to device and module ids.
///
/// Ids are case-sensitive, 1 to 128 characters of ASCII letters and digits plus
/// `- . + % _ # * ? ! ( ) , : = @ $ '` (Azure's identity-registry documentation; the same set for
/// devices and modules).
enum IdentityRules {
    static let maximumIdLength = 128
    static let allowedPunctuation: Set<UInt8> = Set("-.+%_#*?!(),:=@$'".utf8)
    /// The most identities (devices plus modules) one hub holds.
    static let maximumIdentities = 1_000_000
    /// `statusReason` is a free text of at most 128 characters.
    static let maximumStatusReasonLength = 128

    /// Throws `ArgumentInvalid` naming `field` when `id` breaks a rule.
    static func validate(id: String, field: String) throws(HubError) {
        if id.isEmpty {
            throw .argumentInvalid(field: field, rule: "must not be empty")
        }
        let length = id.utf8.count
        if length > maximumIdLength {
            throw .argumentInvalid(field: field, rule: "'\(id.prefix(20))…' is \(length) characters long; the maximum is \(maximumIdLength)")
        }
        for (offset, byte) in id.utf8.enumerated() where !isAllowed(byte) {
            let character = byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "a non-ASCII character"
            throw .argumentInvalid(
                field: field,
                rule: "'\(id)' has \(character) at position \(offset + 1); ids allow ASCII letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '")
        }
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            allowedPunctuation.contains(byte)
        }
    }
}
