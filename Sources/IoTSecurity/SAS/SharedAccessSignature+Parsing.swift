import Foundation

extension SharedAccessSignature {
    /// Reads a token in any of the forms the Azure IoT SDKs send.
    ///
    /// The fields may come in any order, separated by `&`; each is split at its first `=` and
    /// nothing is decoded before the split, as Azure does. `sr`, `sig` and `se` are required, `skn`
    /// is optional, and unknown fields are ignored (Azure's own parser ignores them too). `sr`,
    /// `sig` and `skn` are percent-decoded; whether they are encoded at all varies by SDK.
    ///
    /// - Throws: ``SASTokenError`` naming the field and the rule that was broken.
    public init(parsing token: String) throws(SASTokenError) {
        let text = token.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = Self.scheme + " "
        guard text.hasPrefix(prefix) else { throw .missingScheme }

        // Columns count from the token as given, surrounding whitespace included.
        let firstColumn = token.prefix(while: \.isWhitespace).count + prefix.count + 1
        var fields: [String: String] = [:]
        for part in NameValueList.parts(of: text.dropFirst(prefix.count), separator: "&", firstColumn: firstColumn) {
            guard let name = part.name.map(String.init), let value = part.value else {
                throw .malformedField(text: String(part.text), column: part.column)
            }
            guard fields[name] == nil else { throw .duplicateField(name: name) }
            fields[name] = String(value)
        }

        func required(_ name: String) throws(SASTokenError) -> String {
            guard let value = fields[name] else { throw .missingField(name: name) }
            guard !value.isEmpty else { throw .emptyField(name: name) }
            return value
        }
        let resource = try required("sr")
        let signature = try required("sig")
        let expiry = try required("se")
        guard expiry.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let seconds = Int(expiry) else {
            throw .invalidExpiry(value: expiry)
        }
        if fields["skn"]?.isEmpty == true { throw .emptyField(name: "skn") }

        self.init(
            resourceURI: PercentEncoding.decode(resource),
            signature: PercentEncoding.decode(signature),
            expiry: Date(timeIntervalSince1970: TimeInterval(seconds)),
            policyName: fields["skn"].map(PercentEncoding.decode),
            signedResource: resource,
            signedExpiry: expiry)
    }
}
