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
