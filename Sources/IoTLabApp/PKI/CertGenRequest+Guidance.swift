import IoTSecurity

extension CertGenRequest {
    /// What to do with the files next, in the labs' own steps, with the iotlab commands that
    /// replace the portal's buttons.
    var guidance: String {
        switch self {
        case .rootAndIntermediate:
            """
            Next (lab 06): upload the root CA and prove you hold its key:
              iotlab az iot hub certificate create --hub-name HUB --name root-ca-cert --path \(CertGenLayout.rootCertificate)
              iotlab az iot hub certificate generate-verification-code --hub-name HUB --name root-ca-cert --etag ETAG
              iotlab pki create-verification-certificate CODE
            """
        case .verificationCertificate:
            """
            Next: upload it to mark the CA verified (the etag is the one generate-verification-code returned):
              iotlab az iot hub certificate verify --hub-name HUB --name root-ca-cert --path \(CertGenLayout.certificate(CertGenLayout.verificationPrefix)) --etag ETAG
            """
        case .deviceCertificate(let name), .deviceCertificateFromIntermediate(let name):
            """
            The certificate's CN is the device (registration) id \(name). Python SDK: \
            X509(cert_file="\(CertGenLayout.certificate(CertGenLayout.devicePrefix))", key_file="\(CertGenLayout.key(CertGenLayout.devicePrefix))"); \
            C#: \(CertGenLayout.pfx(CertGenLayout.devicePrefix)) with password \(CertGenProfile.devicePFXPassword).
            Rename the new-device files before creating the next device (lab 06: sensor-thl-2000-device.cert.pfx).
            """
        case .edgeDeviceCACertificate(let name):
            """
            IoT Edge config (lab 12): trusted_ca_certs / trust_bundle_cert = \(CertGenLayout.rootCertificate), \
            device_ca_cert / [edge_ca] cert = \(CertGenLayout.fullChain(CertGenLayout.edgeDeviceCAPrefix(name))), \
            device_ca_pk / [edge_ca] pk = \(CertGenLayout.key(CertGenLayout.edgeDeviceCAPrefix(name))); \
            its .pfx has no password, as iotedge's certGen.sh writes it.
            """
        }
    }
}
