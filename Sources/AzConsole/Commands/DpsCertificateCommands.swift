import JSONValue
import LocalCloud

/// `az iot dps certificate create|list|show|update|delete|generate-verification-code|verify`:
/// CA certificates on a DPS and their proof of possession (lab 06: `root-ca-cert`); only a
/// verified CA can back an X.509 enrollment group.
enum DpsCertificateCommands {
    static let groups = [GroupSpec("iot dps certificate", summary: "Manage certificates for an Azure IoT Hub Device Provisioning Service.")]

    static let store = CertificateCommands(
        group: "iot dps certificate",
        subject: "an Azure IoT Hub Device Provisioning Service certificate",
        owner: DpsFlags.dpsNameOnly,
        name: FlagSpec(["--certificate-name", "--name", "-n"], required: true, help: "A friendly name for the certificate."),
        create: { context, dps, group, name, pem, verified in
            try await context.cloud.createProvisioningCertificate(dpsName: dps, resourceGroup: group, name: name, pem: pem, verified: verified)
        },
        list: { context, dps, group in try await context.cloud.provisioningCertificates(dpsName: dps, resourceGroup: group) },
        show: { context, dps, group, name in try await context.cloud.provisioningCertificate(dpsName: dps, resourceGroup: group, name: name) },
        update: { context, dps, group, name, etag, pem, verified in
            try await context.cloud.updateProvisioningCertificate(
                dpsName: dps, resourceGroup: group, name: name, etag: etag, pem: pem, verified: verified)
        },
        delete: { context, dps, group, name, etag in
            try await context.cloud.deleteProvisioningCertificate(dpsName: dps, resourceGroup: group, name: name, etag: etag)
        },
        generateCode: { context, dps, group, name, etag in
            try await context.cloud.generateProvisioningVerificationCode(dpsName: dps, resourceGroup: group, name: name, etag: etag)
        },
        verify: { context, dps, group, name, etag, proof in
            try await context.cloud.verifyProvisioningCertificate(dpsName: dps, resourceGroup: group, name: name, etag: etag, proofPEM: proof)
        },
        render: { context, dps, certificate, includingCode in
            try await context.cloud.provisioningService(named: dps).json(
                of: certificate, in: context.cloud.subscription, includingVerificationCode: includingCode)
        })

    static let commands = store.commands
}
