import Foundation
import Testing

/// The official Python service SDK (`azure-iot-hub` 2.7.0, REST over HTTPS) against `iotlab serve`,
/// unchanged but for the connection string's `HostName=localhost:PORT` and `REQUESTS_CA_BUNDLE`.
@Suite struct ServiceSDKTests {
    @Test func registryCreateDuplicateUpdateWithETagDeleteAndStatistics() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        let lines = try await lab.client("service_client.py", ["registry", try lab.serviceConnectionString()])
        #expect(lines == [
            "created svc-device enabled keys True", "duplicate 409", "updated disabled", "stale etag 412", "deleted, get 404",
            "statistics total 0",
        ])
    }

    @Test func twinPatchAndReplaceWithETags() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        let lines = try await lab.client("service_client.py", ["twin", try lab.serviceConnectionString()])
        #expect(lines == ["patched tags 43 desired 10", "stale etag 412", "replaced tags ['floor']"])
    }

    @Test func queriesPageWithContinuationTokens() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        #expect(try await lab.client("service_client.py", ["query", try lab.serviceConnectionString()]) == ["query pages 3 devices 5 distinct 5"])
    }

    @Test func aMethodOnAnOfflineDeviceIsNotFound() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        #expect(try await lab.client("service_client.py", ["method-offline", try lab.serviceConnectionString()]) == ["offline method 404"])
    }

    @Test func feedbackIsReceivedLockedAbandonedAndCompleted() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        _ = try await lab.az("iot", "hub", "device-identity", "create", "-n", lab.hub, "-d", "fb-device")
        _ = try await lab.az("iot", "device", "c2d-message", "send", "-n", lab.hub, "-d", "fb-device", "--data", "on", "--ack", "full", "--message-id", "fb-1")
        _ = try await lab.az("iot", "device", "c2d-message", "receive", "-n", lab.hub, "-d", "fb-device", "--complete")
        let lines = try await lab.client("service_client.py", ["feedback", try lab.serviceConnectionString()])
        #expect(lines == [
            "feedback 200 [('fb-1', 'Success')]", "while locked 204", "after abandon 200 delivery 2", "completed, stale token 412", "then 204",
        ])
    }

    @Test func aPolicyWithoutRegistryWriteCannotCreateDevices() async throws {
        guard let lab = try await RealClientFixture.start() else { return }
        defer { lab.stop() }
        let readOnly = try await lab.serviceConnectionString().replacingOccurrences(of: "SharedAccessKeyName=iothubowner", with: "SharedAccessKeyName=registryRead")
        let key = try await lab.az("iot", "hub", "policy", "show", "--hub-name", lab.hub, "--name", "registryRead")["primaryKey"]?.stringValue ?? ""
        let connectionString = readOnly.split(separator: ";").map { $0.hasPrefix("SharedAccessKey=") ? "SharedAccessKey=\(key)" : String($0) }
            .joined(separator: ";")
        let result = try await lab.python.run(script: "service_client.py", ["registry", connectionString], environment: lab.environment, timeout: 60)
        #expect(result.status != 0)
        #expect(result.errors.contains("Unauthorized"))
    }
}
