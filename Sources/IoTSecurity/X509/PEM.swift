import Foundation

/// PEM text: base64 DER between `-----BEGIN label-----` and `-----END label-----` lines, the form
/// certGen.sh writes and the Azure portal uploads.
enum PEM {
    /// One block found in PEM text.
    struct Block: Equatable {
        let label: String
        let der: [UInt8]
    }

    /// Every block in `text`, in order. Text outside blocks (such as the `Bag Attributes` lines
    /// `openssl pkcs12` writes) is ignored.
    static func blocks(in text: String) throws(X509Error) -> [Block] {
        var blocks: [Block] = []
        var label: String?
        var body = ""
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let open = label {
                if line == "-----END \(open)-----" {
                    guard let der = Base64.decode(body) else { throw .malformedPEM(label: open) }
                    blocks.append(Block(label: open, der: der))
                    label = nil
                } else if !line.contains(":") {
                    // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" are not base64.
                    body += line
                }
            } else if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                label = String(line.dropFirst("-----BEGIN ".count).dropLast("-----".count))
                body = ""
            }
        }
        return blocks
    }

    /// `der` as a PEM block with 64-column base64 lines, ending in a newline.
    static func encode(_ der: [UInt8], label: String) -> String {
        let base64 = Array(Base64.encode(der))
        var text = "-----BEGIN \(label)-----\n"
        var start = 0
        while start < base64.count {
            let end = min(start + 64, base64.count)
            text += String(base64[start..<end]) + "\n"
            start = end
        }
        return text + "-----END \(label)-----\n"
    }
}
