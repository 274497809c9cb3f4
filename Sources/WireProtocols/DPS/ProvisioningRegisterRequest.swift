import JSONValue

/// The body of a register request, the same over MQTT and HTTPS:
/// `{"registrationId": "r1", "payload": {...}, "tpm": {"endorsementKey": "…", "storageRootKey": "…"}}`.
///
/// The registration id is already named by the MQTT user name or the HTTPS path; the body's, when
/// given, must agree with it. `payload` is the device's data for a custom allocation function.
struct ProvisioningRegisterRequest: Equatable {
    let payload: JSONValue?
    /// The TPM's endorsement key and storage root key, base64, when the device attests with a TPM.
    let endorsementKey: String?
    let storageRootKey: String?

    /// An empty body is a request with no payload; a body that is not a JSON object, or names
    /// another registration, is refused naming the field.
    init(body: [UInt8], registrationId: String) throws(RESTError) {
        let text = String(decoding: body, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else {
            payload = nil
            endorsementKey = nil
            storageRootKey = nil
            return
        }
        guard case .object(let object)? = try? JSONValue(parsing: text) else {
            throw .argumentInvalid(field: "body", rule: "must be a JSON object such as {\"registrationId\": \"\(registrationId)\"}")
        }
        if let named = object["registrationId"], named != .string(registrationId) {
            throw .argumentInvalid(
                field: "registrationId", rule: "the body names \(named.serialized(.compact)), the request is for '\(registrationId)'")
        }
        let payload = object["payload"]
        self.payload = payload == .null ? nil : payload
        endorsementKey = object["tpm"]?["endorsementKey"]?.stringValue
        storageRootKey = object["tpm"]?["storageRootKey"]?.stringValue
    }
}
