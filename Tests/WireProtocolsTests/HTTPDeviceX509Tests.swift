import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import Testing

/// An X.509 device on the device REST API: the TLS client certificate, not a token, proves who
/// it is (Python `requests` with `cert=`, as a device's own HTTPS code sends it).
@Suite struct HTTPDeviceX509Tests {
    @Test func selfSignedDeviceSendsTelemetryWithItsCertificateAndWithoutOneIsRefused() async throws {
        guard let python = MQTTPythonScript.locate() else { return }
        try await HTTPServerFixture.run(tls: true) { fixture in
            let files = try DeviceCertificateFiles.selfSigned(commonName: "x1")
            defer { files.remove() }
            let certificate = files.certificate
            let certificateFile = files.certificateFile
            let keyFile = files.keyFile
            _ = try await fixture.hub.createDevice(
                DeviceIdentity(deviceId: "x1", authentication: .selfSigned(primaryThumbprint: X509Thumbprint.sha256(ofDER: certificate.der))))

            let result = try await python.run(
                Self.script,
                arguments: [
                    "https://localhost:\(fixture.client.port)/devices/x1/messages/events?api-version=2020-09-30", try #require(fixture.caFile).path,
                    certificateFile.path, keyFile.path,
                ])
            #expect(result == ["withCertificate": 204, "withoutCertificate": 401])
            let message = try #require(try fixture.events().first?.message)
            #expect(message.body == Array("from x509".utf8))
            #expect(message.systemProperties.connectionAuthMethod?.contains(#""type":"x509Certificate""#) == true)
        }
    }

    static let script = #"""
        import json, sys
        import requests

        url, ca, cert, key = sys.argv[1:5]
        with_certificate = requests.post(url, data=b"from x509", cert=(cert, key), verify=ca, timeout=30)
        without_certificate = requests.post(url, data=b"anonymous", verify=ca, timeout=30)
        print(json.dumps({"withCertificate": with_certificate.status_code, "withoutCertificate": without_certificate.status_code}))
        """#
}
