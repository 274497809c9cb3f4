import ProvisioningEngine

extension LocalCloud {
    /// Uploads a CA certificate to a DPS (`az iot dps certificate create`); unverified unless
    /// `verified`. The same rules as a hub's (``createCertificate(hubName:resourceGroup:name:pem:verified:)``).
    public func createProvisioningCertificate(dpsName: String, resourceGroup: String? = nil, name: String, pem: String, verified: Bool) throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeProvisioningCertificates(dpsName, resourceGroup, event: "ProvisioningCertificateCreated") { list throws(CloudError) in
            try list.create(name: name, pem: pem, verified: verified, at: now)
        }
    }

    /// The DPS's CA certificates in upload order.
    public func provisioningCertificates(dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> [CACertificate] {
        try provisioningService(named: dpsName, resourceGroup: resourceGroup).certificates
    }

    /// One DPS certificate by name (case-insensitive).
    public func provisioningCertificate(dpsName: String, resourceGroup: String? = nil, name: String) throws(CloudError) -> CACertificate {
        try Self.certificateList(of: provisioningService(named: dpsName, resourceGroup: resourceGroup)).certificate(named: name)
    }

    /// Replaces a DPS certificate's content; it starts unverified again unless `verified`.
    public func updateProvisioningCertificate(dpsName: String, resourceGroup: String? = nil, name: String, etag: String, pem: String, verified: Bool) throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeProvisioningCertificates(dpsName, resourceGroup, event: "ProvisioningCertificateUpdated") { list throws(CloudError) in
            try list.update(name: name, etag: etag, pem: pem, verified: verified, at: now)
        }
    }

    /// Hands out a verification code for proof of possession (lab 06).
    public func generateProvisioningVerificationCode(dpsName: String, resourceGroup: String? = nil, name: String, etag: String) throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeProvisioningCertificates(dpsName, resourceGroup, event: "ProvisioningCertificateVerificationCodeGenerated") { list throws(CloudError) in
            try list.generateVerificationCode(name: name, etag: etag, at: now)
        }
    }

    /// Verifies a DPS certificate with a certificate whose CN is the verification code, signed by it.
    public func verifyProvisioningCertificate(dpsName: String, resourceGroup: String? = nil, name: String, etag: String, proofPEM: String) throws(CloudError) -> CACertificate {
        let now = clock.now()
        return try changeProvisioningCertificates(dpsName, resourceGroup, event: "ProvisioningCertificateVerified") { list throws(CloudError) in
            try list.verify(name: name, etag: etag, proofPEM: proofPEM, at: now)
        }
    }

    /// Deletes a DPS certificate; groups referencing it admit no more devices.
    public func deleteProvisioningCertificate(dpsName: String, resourceGroup: String? = nil, name: String, etag: String) throws(CloudError) {
        _ = try changeProvisioningCertificates(dpsName, resourceGroup, event: "ProvisioningCertificateDeleted") { list throws(CloudError) in
            try list.delete(name: name, etag: etag)
        }
    }

    private func changeProvisioningCertificates(
        _ dpsName: String, _ resourceGroup: String?, event: String, _ change: (inout CACertificateList) throws(CloudError) -> CACertificate
    ) throws(CloudError) -> CACertificate {
        var service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        var list = Self.certificateList(of: service)
        let changed = try change(&list)
        service.certificates = list.certificates
        _ = try saveProvisioningService(
            service, event: event, payload: ["provisioningService": .string(service.name), "name": .string(changed.name)])
        return changed
    }

    private static func certificateList(of service: ProvisioningServiceResource) -> CACertificateList {
        let group = service.resourceGroup
        return CACertificateList(certificates: service.certificates, owner: "provisioning service '\(service.name)'") { name in
            .resourceNotFound(type: "Microsoft.Devices/provisioningServices/certificates", name: name, resourceGroup: group)
        }
    }
}

extension ProvisioningServiceResource {
    /// The certificates as attestation sees them.
    var certificateAuthorities: [CertificateAuthority] {
        certificates.map { CertificateAuthority(name: $0.name, certificate: $0.certificate, isVerified: $0.isVerified) }
    }
}
