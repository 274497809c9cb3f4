import Foundation
import LabCore
import LocalCloud
import MQTTCodec
import NIOSSL
import Testing
import WireProtocols
import WorkspaceStore

/// `FrontDoors` runs both listeners with the workspace's TLS identity and names a busy port.
@Suite struct TLSFrontDoorsTests {
    private func cloud() throws -> LocalCloud {
        try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
    }

    private static let freePorts = FrontDoorPorts(host: "127.0.0.1", mqtt: 0, https: 0)

    @Test func bothListenersPresentTheWorkspaceCertificate() async throws {
        let certificates = try TLSTestCertificates.shared()
        let doors = try await FrontDoors.start(
            ports: Self.freePorts, cloud: cloud(), certificates: certificates, tokenClock: ManualClock())
        let endpoints = doors.endpoints
        #expect(endpoints.mqttPort > 0 && endpoints.httpsPort > 0 && endpoints.httpsNote == nil)
        #expect(endpoints.lines.first == "mqtts://127.0.0.1:\(endpoints.mqttPort)  MQTT 3.1.1 over TLS: devices and modules")
        for port in [endpoints.mqttPort, endpoints.httpsPort] {
            let version = try await TLSTestClient.handshake(
                port: port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost", maximumVersion: .tlsv12)
            #expect(version == .tlsv12)
        }
        try await doors.stop()
        await #expect(throws: (any Error).self, "a stopped front door accepts no connection") {
            try await TLSTestClient.handshake(
                port: endpoints.mqttPort, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost")
        }
    }

    @Test func aBusyPortIsAnErrorNamingThePortAndItsFlag() async throws {
        let certificates = try TLSTestCertificates.shared()
        let cloud = try cloud()
        let first = try await FrontDoors.start(
            ports: Self.freePorts, cloud: cloud, certificates: certificates, tokenClock: ManualClock())
        let taken = first.endpoints
        await #expect(throws: FrontDoorError.portInUse(port: taken.mqttPort, host: "127.0.0.1", flag: "--mqtt-port")) {
            try await FrontDoors.start(
                ports: FrontDoorPorts(host: "127.0.0.1", mqtt: taken.mqttPort, https: 0), cloud: cloud,
                certificates: certificates, tokenClock: ManualClock())
        }
        await #expect(throws: FrontDoorError.portInUse(port: taken.httpsPort, host: "127.0.0.1", flag: "--https-port")) {
            try await FrontDoors.start(
                ports: FrontDoorPorts(host: "127.0.0.1", mqtt: 0, https: taken.httpsPort), cloud: cloud,
                certificates: certificates, tokenClock: ManualClock())
        }
        try await first.stop()
    }

    @Test func thePlainTCPListenerIsOffUnlessAskedAndThenSpeaksMQTTWithoutTLS() async throws {
        let certificates = try TLSTestCertificates.shared()
        let cloud = try cloud()
        let tlsOnly = try await FrontDoors.start(
            ports: Self.freePorts, cloud: cloud, certificates: certificates, tokenClock: ManualClock())
        #expect(tlsOnly.endpoints.mqttTCPPort == nil)
        #expect(tlsOnly.endpoints.lines.count == 3)
        try await tlsOnly.stop()

        var ports = Self.freePorts
        ports.mqttTCP = 0
        let doors = try await FrontDoors.start(ports: ports, cloud: cloud, certificates: certificates, tokenClock: ManualClock())
        let tcpPort = try #require(doors.endpoints.mqttTCPPort)
        #expect(tcpPort > 0 && tcpPort != doors.endpoints.mqttPort)
        #expect(doors.endpoints.lines.last == "mqtt://127.0.0.1:\(tcpPort)  MQTT 3.1.1 over plain TCP: benchmarks and teaching (Azure has no such port)")
        #expect(doors.endpoints.ports == FrontDoorPorts(
            host: "127.0.0.1", mqtt: doors.endpoints.mqttPort, https: doors.endpoints.httpsPort, mqttTCP: tcpPort))
        // An MQTT client without TLS gets its CONNACK: a refusal, as this empty cloud has no hub.
        let client = try await MQTTTestClient.connect(port: tcpPort)
        try await client.send(.connect(MQTTConnect(
            clientId: "d1", cleanSession: true, keepAlive: 60, username: "nohub.azure-devices.net/d1/?api-version=2021-04-12",
            password: Array("SharedAccessSignature sr=x&sig=y&se=1".utf8))))
        guard case .connack(let connack) = try await client.receive() else {
            Issue.record("no CONNACK on the plain-TCP port")
            return
        }
        #expect(connack.returnCode != .accepted)
        await #expect(throws: FrontDoorError.portInUse(port: tcpPort, host: "127.0.0.1", flag: "--mqtt-tcp-port")) {
            try await FrontDoors.start(
                ports: FrontDoorPorts(host: "127.0.0.1", mqtt: 0, https: 0, mqttTCP: tcpPort), cloud: cloud,
                certificates: certificates, tokenClock: ManualClock())
        }
        try await doors.stop()
        await #expect(throws: (any Error).self, "a stopped front door closes its plain-TCP listener too") {
            try await MQTTTestClient.connect(port: tcpPort)
        }
    }

    @Test func endpointsNameLocalhostAndThePortInServiceHostNames() {
        let endpoints = FrontDoorEndpoints(host: "127.0.0.1", mqttPort: 8883, httpsPort: 8443)
        #expect(endpoints.clientHost == "localhost")
        #expect(endpoints.serviceHostName == "localhost:8443")
        #expect(FrontDoorEndpoints(host: "0.0.0.0", mqttPort: 8883, httpsPort: 443).serviceHostName == "localhost")
        let classroom = FrontDoorEndpoints(host: "192.168.1.20", mqttPort: 8883, httpsPort: 443)
        #expect(classroom.clientHost == "192.168.1.20")
        #expect(FrontDoorEndpoints(host: "::1", mqttPort: 8883, httpsPort: 443).lines.first?.hasPrefix("mqtts://[::1]:8883 ") == true)
    }
}
