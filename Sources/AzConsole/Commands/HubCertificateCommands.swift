import JSONValue
import LocalCloud

/// `az iot hub certificate ...`: X.509 CA certificates on a hub and their proof of possession
/// (core azure-cli commands, Resource Manager shapes), so CA-signed devices can connect.
enum HubCertificateCommands {
    static let groups = [GroupSpec("iot hub certificate", summary: "Manage IoT Hub certificates.")]

    static let store = CertificateCommands(
        group: "iot hub certificate",
        subject: "an Azure IoT Hub certificate",
        owner: FlagSpec(["--hub-name"], required: true, help: "IoT Hub name."),
        name: FlagSpec(["--name", "-n"], required: true, help: "A friendly name for the certificate."),
        create: { context, hub, group, name, pem, verified in
            try await context.cloud.createCertificate(hubName: hub, resourceGroup: group, name: name, pem: pem, verified: verified)
        },
        list: { context, hub, group in try await context.cloud.certificates(hubName: hub, resourceGroup: group) },
        show: { context, hub, group, name in try await context.cloud.certificate(hubName: hub, resourceGroup: group, name: name) },
        update: { context, hub, group, name, etag, pem, verified in
            try await context.cloud.updateCertificate(hubName: hub, resourceGroup: group, name: name, etag: etag, pem: pem, verified: verified)
        },
        delete: { context, hub, group, name, etag in
            try await context.cloud.deleteCertificate(hubName: hub, resourceGroup: group, name: name, etag: etag)
        },
        generateCode: { context, hub, group, name, etag in
            try await context.cloud.generateVerificationCode(hubName: hub, resourceGroup: group, name: name, etag: etag)
        },
        verify: { context, hub, group, name, etag, proof in
            try await context.cloud.verifyCertificate(hubName: hub, resourceGroup: group, name: name, etag: etag, proofPEM: proof)
        },
        render: { context, hub, certificate, includingCode in
            certificate.json(hub: try await context.cloud.hub(named: hub), in: context.cloud.subscription, includingVerificationCode: includingCode)
        })

    static let commands = store.commands
}
