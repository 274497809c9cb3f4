import Foundation
import HubEngine
import IoTSecurity
import LabCore
import LocalCloud
import Testing
import WorkspaceStore

/// What every front door asks the cloud when a device connects or a service calls: the SDKs'
/// credentials, signed as they sign them, accepted or refused with the cause named.
@Suite struct AuthenticationTests {
    let cloud: LocalCloud
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
    }

    private func hubWithDevice(_ hubName: String = "lab-hub", deviceId: String = "sensor-1") async throws -> (IoTHub, DeviceIdentity) {
        _ = try await cloud.createHub(HubCreation(name: hubName))
        let hub = try await cloud.engine(forHub: hubName)
        return (hub, try await hub.createDevice(DeviceIdentity(deviceId: deviceId)))
    }

    private func deviceToken(host: String, path: String, key: String?, expiry: Date, policy: String? = nil) throws -> String {
        SharedAccessSignature.token(
            resourceURI: host + path, key: try SymmetricKey(base64: key ?? ""), policyName: policy, expiry: expiry)
    }

    @Test func aDeviceTokenSignedWithEitherKeyIsAccepted() async throws {
        let (_, device) = try await hubWithDevice()
        for key in [device.authentication.primaryKey, device.authentication.secondaryKey] {
            let token = try deviceToken(host: "lab-hub.azure-devices.net", path: "/devices/sensor-1", key: key, expiry: now + 3600)
            let accepted = try await cloud.authenticateDevice(
                DeviceCredentials(hostName: "lab-hub.azure-devices.net", deviceId: "sensor-1", sasToken: token), at: now)
            #expect(accepted.hubName == "lab-hub")
            #expect(accepted.sender == MessageSender(deviceId: "sensor-1", authentication: .sas))
        }
    }

    @Test func anAliasHostFindsTheHubWhoseKeysValidateTheToken() async throws {
        _ = try await hubWithDevice("first-hub")
        let (_, device) = try await hubWithDevice("second-hub")
        let token = try deviceToken(
            host: "second-hub.azure-devices.net", path: "/devices/sensor-1", key: device.authentication.primaryKey, expiry: now + 60)
        let accepted = try await cloud.authenticateDevice(
            DeviceCredentials(hostName: "localhost", deviceId: "sensor-1", sasToken: token), at: now)
        #expect(accepted.hubName == "second-hub")
    }

    @Test func refusalsNameTheirCause() async throws {
        let (hub, device) = try await hubWithDevice()
        let host = "lab-hub.azure-devices.net"
        let key = device.authentication.primaryKey
        func refusal(_ credentials: DeviceCredentials) async -> String? {
            do {
                _ = try await cloud.authenticateDevice(credentials, at: now)
                return nil
            } catch {
                #expect(error.errorCode == 401002)
                #expect(error.errorName == "IotHubUnauthorizedAccess")
                return error.message
            }
        }
        let expired = try deviceToken(host: host, path: "/devices/sensor-1", key: key, expiry: now)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: expired))?.contains("expired") == true)

        let otherDevice = try deviceToken(host: host, path: "/devices/sensor-10", key: key, expiry: now + 60)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: otherDevice))?.contains("does not cover") == true)

        let wrongKey = try deviceToken(host: host, path: "/devices/sensor-1", key: SymmetricKey.generate().base64, expiry: now + 60)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: wrongKey))?.contains("signature") == true)

        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "ghost", sasToken: wrongKey))?.contains("not registered") == true)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: "sr=x"))?.contains("malformed") == true)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1"))?.contains("neither") == true)

        var disabled = device
        disabled.status = .disabled
        _ = try await hub.updateDevice(disabled, ifMatch: "*")
        let good = try deviceToken(host: host, path: "/devices/sensor-1", key: key, expiry: now + 60)
        #expect(await refusal(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: good))?.contains("disabled") == true)
    }

    @Test func aPolicyTokenConnectsOnlyWithDeviceConnect() async throws {
        _ = try await hubWithDevice()
        let resource = try await cloud.hub(named: "lab-hub")
        let host = resource.hostName
        let device = try resource.policy(named: "device")
        let token = try deviceToken(host: host, path: "/devices/sensor-1", key: device.primaryKey, expiry: now + 60, policy: "device")
        let accepted = try await cloud.authenticateDevice(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: token), at: now)
        #expect(accepted.sender.authentication == .policySAS)

        let service = try resource.policy(named: "service")
        let serviceToken = try deviceToken(host: host, path: "/devices/sensor-1", key: service.primaryKey, expiry: now + 60, policy: "service")
        await #expect(throws: AuthenticationFailure("Policy service lacks the DeviceConnect right needed to connect as a device")) {
            try await cloud.authenticateDevice(DeviceCredentials(hostName: host, deviceId: "sensor-1", sasToken: serviceToken), at: now)
        }
    }

    @Test func aSelfSignedCertificateMatchesItsRegisteredThumbprint() async throws {
        _ = try await cloud.createHub(HubCreation(name: "lab-hub"))
        let hub = try await cloud.engine(forHub: "lab-hub")
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try X509Certificate.selfSigned(
            commonName: "x509-device", key: key, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86400)
        let other = try X509Certificate.selfSigned(
            commonName: "x509-device", key: key, usage: .endEntity(dnsNames: []), notBefore: now - 120, notAfter: now + 86400)
        _ = try await hub.createDevice(
            DeviceIdentity(deviceId: "x509-device", authentication: .selfSigned(primaryThumbprint: certificate.sha256Thumbprint)))

        let accepted = try await cloud.authenticateDevice(
            DeviceCredentials(hostName: "localhost", deviceId: "x509-device", clientCertificate: certificate.der), at: now)
        #expect(accepted.sender.authentication == .x509)
        await #expect(throws: AuthenticationFailure.self) {
            try await cloud.authenticateDevice(
                DeviceCredentials(hostName: "localhost", deviceId: "x509-device", clientCertificate: other.der), at: now)
        }
    }

    @Test func serviceTokensNeedThePolicyRight() async throws {
        _ = try await hubWithDevice()
        let resource = try await cloud.hub(named: "lab-hub")
        func token(_ policy: String, host: String = "localhost:8443") throws -> String {
            try deviceToken(host: host, path: "", key: resource.policy(named: policy).primaryKey, expiry: now + 60, policy: policy)
        }
        let owner = try await cloud.authenticateService(
            hostName: "localhost:8443", authorization: try token("iothubowner"), requiring: .registryWrite, at: now)
        #expect(owner.hubName == "lab-hub")
        #expect(owner.policyName == "iothubowner")

        let readWrite = try await cloud.authenticateService(
            hostName: "localhost:8443", authorization: try token("registryReadWrite"), requiring: .registryRead, at: now)
        #expect(readWrite.rights == [.registryWrite])

        await #expect(throws: AuthenticationFailure("Policy registryRead has the rights RegistryRead; this operation needs RegistryWrite")) {
            try await cloud.authenticateService(
                hostName: "localhost:8443", authorization: try token("registryRead"), requiring: .registryWrite, at: now)
        }
        await #expect(throws: AuthenticationFailure.self) {
            try await cloud.authenticateService(hostName: "localhost:8443", authorization: nil, requiring: .registryRead, at: now)
        }
        await #expect(throws: AuthenticationFailure.self) {
            try await cloud.authenticateService(
                hostName: "localhost:8443", authorization: try token("iothubowner"), requiring: .registryRead, at: now + 61)
        }
    }
}
