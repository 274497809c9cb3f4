import Foundation
import IoTSecurity
import JSONValue

/// An X.509 CA certificate uploaded to a hub (`az iot hub certificate`) or a DPS (`az iot dps
/// certificate`), which CA-signed devices and X.509 enrollment groups chain to once it is verified.
///
/// Verification is Azure's proof of possession: the hub hands out a random verification code, and
/// the owner proves they hold the CA's private key by uploading a certificate whose CN is that
/// code, signed by the CA. Uploading with `--verified` skips the proof, as Azure allows.
public struct CACertificate: Sendable, Equatable {
    public let name: String
    public var certificate: X509Certificate
    public var isVerified: Bool
    /// The code handed out by the last `generate-verification-code`; the proof must carry it.
    public var verificationCode: String?
    public var etag: String
    public let created: Date
    public var updated: Date

    public init(name: String, certificate: X509Certificate, isVerified: Bool, etag: String, created: Date) {
        self.name = name
        self.certificate = certificate
        self.isVerified = isVerified
        self.etag = etag
        self.created = created
        self.updated = created
    }

    /// The shape `az iot hub certificate show` prints: ARM's `CertificateDescription`, times in
    /// HTTP-date form and the SHA-1 thumbprint in uppercase, as the service writes them. With
    /// `includingVerificationCode`, `properties.verificationCode` as `generate-verification-code`
    /// prints it.
    public func json(hub: HubResource, in subscription: Subscription, includingVerificationCode: Bool = false) -> JSONValue {
        json(
            parentID: "\(subscription.resourceGroupID(hub.resourceGroup))/providers/Microsoft.Devices/IotHubs/\(hub.name)",
            resourceGroup: hub.resourceGroup, type: "Microsoft.Devices/IotHubs/Certificates",
            includingVerificationCode: includingVerificationCode)
    }

    /// The `CertificateDescription` of a certificate held by the resource `parentID` (a hub or a
    /// DPS, which share the shape and differ only in the resource type).
    func json(parentID: String, resourceGroup: String, type: String, includingVerificationCode: Bool) -> JSONValue {
        var properties: JSONObject = [
            "certificate": .string(certificate.pem),
            "created": .string(ConsumerGroup.httpDate(created)),
            "expiry": .string(ConsumerGroup.httpDate(certificate.notAfter)),
            "isVerified": .bool(isVerified),
            "subject": .string(certificate.subjectCommonName.map { "CN=\($0)" } ?? ""),
            "thumbprint": .string(certificate.sha1Thumbprint),
            "updated": .string(ConsumerGroup.httpDate(updated)),
        ]
        if includingVerificationCode {
            properties["verificationCode"] = verificationCode.map(JSONValue.string) ?? .null
        }
        return [
            "etag": .string(etag),
            "id": .string("\(parentID)/certificates/\(name)"),
            "name": .string(name),
            "properties": .object(properties),
            "resourceGroup": .string(resourceGroup),
            "type": .string(type),
        ]
    }

    var record: JSONValue {
        [
            "name": .string(name), "pem": .string(certificate.pem), "isVerified": .bool(isVerified),
            "verificationCode": verificationCode.map(JSONValue.string) ?? .null, "etag": .string(etag),
            "created": .double(created.timeIntervalSince1970), "updated": .double(updated.timeIntervalSince1970),
        ]
    }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue, let pem = record["pem"]?.stringValue,
              let certificate = try? X509Certificate(pem: pem),
              let isVerified = record["isVerified"]?.boolValue, let etag = record["etag"]?.stringValue,
              let created = record["created"]?.doubleValue, let updated = record["updated"]?.doubleValue
        else { return nil }
        self.init(name: name, certificate: certificate, isVerified: isVerified, etag: etag, created: Date(timeIntervalSince1970: created))
        self.verificationCode = record["verificationCode"]?.stringValue
        self.updated = Date(timeIntervalSince1970: updated)
    }
}
