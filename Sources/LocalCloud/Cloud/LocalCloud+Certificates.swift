import Foundation
import HubEngine
import IoTSecurity
import JSONValue

extension LocalCloud {
    /// The most CA certificates one hub keeps, as Azure allows.
    public static let maximumCertificatesPerHub = CACertificateList.maximumCount

    /// Uploads a CA certificate to a hub (`az iot hub certificate create`); unverified unless
    /// `verified` says the owner vouches for it, as Azure's `--verified` does.
    /// - Throws: `argumentInvalid` for a bad name, an unreadable file or a certificate that is not
    ///   a CA; `argumentInvalid` for a duplicate name or one certificate too many.
    public func createCertificate(hubName: String, resourceGroup: String? = nil, name: String, pem: String, verified: Bool) async throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeHubCertificates(hubName, resourceGroup, event: "CertificateCreated", name: name) { list throws(CloudError) in
            try list.create(name: name, pem: pem, verified: verified, at: now)
        }
    }

    /// The hub's CA certificates in upload order.
    public func certificates(hubName: String, resourceGroup: String? = nil) throws(CloudError) -> [CACertificate] {
        try hub(named: hubName, resourceGroup: resourceGroup).certificates
    }

    /// One CA certificate by name (case-insensitive).
    public func certificate(hubName: String, resourceGroup: String? = nil, name: String) throws(CloudError) -> CACertificate {
        try Self.certificateList(of: hub(named: hubName, resourceGroup: resourceGroup)).certificate(named: name)
    }

    /// Replaces a certificate's content (`az iot hub certificate update`); a new certificate
    /// starts unverified again unless `verified`.
    public func updateCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String, pem: String, verified: Bool) async throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeHubCertificates(hubName, resourceGroup, event: "CertificateUpdated", name: name) { list throws(CloudError) in
            try list.update(name: name, etag: etag, pem: pem, verified: verified, at: now)
        }
    }

    /// Hands out a fresh verification code for proof of possession (`generate-verification-code`).
    public func generateVerificationCode(hubName: String, resourceGroup: String? = nil, name: String, etag: String) async throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeHubCertificates(hubName, resourceGroup, event: "CertificateVerificationCodeGenerated", name: name) { list throws(CloudError) in
            try list.generateVerificationCode(name: name, etag: etag, at: now)
        }
    }

    /// Marks a certificate verified when `proofPEM` is a certificate whose CN is the verification
    /// code and which the uploaded CA signed (`az iot hub certificate verify`).
    /// - Throws: `argumentInvalid` naming what the proof lacks; nothing changes then.
    public func verifyCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String, proofPEM: String) async throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeHubCertificates(hubName, resourceGroup, event: "CertificateVerified", name: name) { list throws(CloudError) in
            try list.verify(name: name, etag: etag, proofPEM: proofPEM, at: now)
        }
    }

    /// Deletes a CA certificate; devices that chained to it can no longer connect.
    public func deleteCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String) async throws(CloudError) {
        _ = try changeHubCertificates(hubName, resourceGroup, event: "CertificateDeleted", name: name) { list throws(CloudError) in
            try list.delete(name: name, etag: etag)
        }
    }

    /// Applies `change` to the hub's certificate list, then persists the hub with one journal event.
    private func changeHubCertificates(
        _ hubName: String, _ resourceGroup: String?, event: String, name: String,
        _ change: (inout CACertificateList) throws(CloudError) -> CACertificate
    ) throws(CloudError) -> CACertificate {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        var list = Self.certificateList(of: hub)
        let changed = try change(&list)
        hub.certificates = list.certificates
        let key = CloudState.key(hub.name)
        try persist(event: event, subject: hub.name, payload: ["hub": .string(hub.name), "name": .string(changed.name)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
        return changed
    }

    private static func certificateList(of hub: HubResource) -> CACertificateList {
        let hubName = hub.name
        return CACertificateList(certificates: hub.certificates, owner: "IoT hub '\(hubName)'") { name in
            .certificateNotFound(hubName: hubName, name: name)
        }
    }
}
