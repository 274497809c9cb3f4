extension SharedAccessSignature {
    /// Whether the token was signed with `key`.
    ///
    /// Azure's SDKs differ in how they encode `sr` (Python's `quote` and `quote_plus`, a raw
    /// hostname over AMQP, lower-cased URIs in older samples), and each signs the `sr` text it
    /// sends. So the signature is checked against, in order: `sr` exactly as sent; `sr` decoded and
    /// re-encoded canonically; and that canonical form lower-cased. The comparison itself runs in
    /// constant time. Expiry is a separate question: see ``isExpired(at:)``.
    public func isSigned(with key: SymmetricKey) -> Bool {
        let canonical = PercentEncoding.encode(resourceURI)
        var candidates = [signedResource]
        for alternative in [canonical, canonical.lowercased()] where !candidates.contains(alternative) {
            candidates.append(alternative)
        }
        let presented = Array(signature.utf8)
        return candidates.contains { resource in
            ConstantTime.equal(Array(Self.sign(resource: resource, expiry: signedExpiry, key: key).utf8), presented)
        }
    }

    /// `base64(HMAC-SHA256(key, resource + "\n" + expiry))`, the one signing rule for every token.
    static func sign(resource: String, expiry: String, key: SymmetricKey) -> String {
        Base64.encode(HMAC.sha256(key: key.bytes, message: Array("\(resource)\n\(expiry)".utf8)))
    }
}
