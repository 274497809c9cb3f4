import Foundation

/// A shared access signature token, the credential every SAS-authenticated Azure IoT client sends:
/// a device's MQTT password or HTTP `Authorization` header, a DPS registration's password, a
/// service client's `Authorization` header.
///
/// The token is `SharedAccessSignature sr={resource}&sig={signature}&se={expiry}[&skn={policy}]`,
/// where the signature is `base64(HMAC-SHA256(key, sr + "\n" + se))` over `sr` exactly as it
/// appears in the token. The SDKs encode `sr` in different ways, so a parsed token keeps the fields
/// as sent (to check the signature) next to their decoded values (to check the identity).
public struct SharedAccessSignature: Sendable, Equatable {
    /// The resource the token grants access to, percent-decoded, e.g. `myhub.azure-devices.net/devices/d1`.
    public let resourceURI: String
    /// The base64 HMAC-SHA256 signature, percent-decoded.
    public let signature: String
    /// The instant the token stops being valid (`se`, whole Unix seconds).
    public let expiry: Date
    /// The shared access policy that signed the token (`skn`); `nil` for device and DPS tokens,
    /// which are signed with the identity's own key.
    public let policyName: String?

    /// `sr` exactly as sent, the text the client signed.
    let signedResource: String
    /// `se` exactly as sent, the text the client signed.
    let signedExpiry: String

    /// Builds a token the way the Azure IoT device SDKs do, for the lab's own simulated devices,
    /// `az iot hub generate-sas-token` and tests.
    ///
    /// `sr` is `resourceURI` percent-encoded with nothing left unescaped but `A-Z a-z 0-9 - _ . ~`
    /// (Python's `quote(uri, safe="")`), the signature is computed over that encoded form, and the
    /// signature and policy name are percent-encoded the same way. `se` is `expiry` in whole Unix
    /// seconds, rounded down.
    public static func token(resourceURI: String, key: SymmetricKey, policyName: String?, expiry: Date) -> String {
        let resource = PercentEncoding.encode(resourceURI)
        let seconds = String(UnixTime.seconds(of: expiry))
        let signature = sign(resource: resource, expiry: seconds, key: key)
        var token = "\(scheme) sr=\(resource)&sig=\(PercentEncoding.encode(signature))&se=\(seconds)"
        if let policyName {
            token += "&skn=\(PercentEncoding.encode(policyName))"
        }
        return token
    }

    /// `true` once `now` has reached the expiry: Azure accepts a token only while `se` is later
    /// than the current time.
    public func isExpired(at now: Date) -> Bool {
        now >= expiry
    }

    /// The word that opens every token, followed by one space.
    static let scheme = "SharedAccessSignature"
}
