import Foundation
import IoTSecurity
import LabCore
import LocalCloud
import ProvisioningEngine
import WorkspaceStore

/// `iotlab-bench provisioning N`: in-process DPS registrations per second, each one a SAS
/// attestation against a symmetric-key group (derived keys), hashed allocation over linked hubs,
/// a device created in its hub with the group's initial twin, a durable registration record with
/// its journaled decision trace, and the status poll the SDK makes.
struct ProvisioningBenchmark {
    let registrations: Int
    /// Enough S3 hubs (10 units each) that the hubs' registry throttle (5,000 operations a minute
    /// per unit) is not what is measured.
    static let hubCount = 8

    func run() async throws -> [Measurement] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-bench-dps-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cloud = try LocalCloud(workspace: Workspace(fileURL: folder.appendingPathComponent("workspace.sqlite")), clock: SystemClock())
        _ = try await cloud.createResourceGroup(name: "bench", location: "westeurope")
        _ = try await cloud.createProvisioningService(name: "bench-dps", resourceGroup: "bench")
        for index in 0..<Self.hubCount {
            let hub = try await cloud.createHub(HubCreation(name: "bench-hub-\(index)", resourceGroup: "bench", skuName: "S3", units: 10))
            _ = try await cloud.linkHub(toProvisioningService: "bench-dps", connectionString: hub.connectionString())
        }
        let groupKey = SymmetricKey.generate()
        _ = try await cloud.createEnrollmentGroup(
            EnrollmentGroup(
                enrollmentGroupId: "bench-group", attestation: .symmetricKey(primaryKey: groupKey.base64, secondaryKey: groupKey.base64),
                policy: EnrollmentPolicy(initialTwin: InitialTwin(desiredProperties: ["telemetryDelay": "2"]))),
            dpsName: "bench-dps")
        let scope = try await cloud.provisioningService(named: "bench-dps").idScope
        let expiry = Date().addingTimeInterval(3600)
        let tokens = (0..<registrations).map { index -> (String, String) in
            let id = String(format: "bench-device-%06d", index)
            let key = DeviceKeyDerivation.deviceKey(groupKey: groupKey, registrationID: id)
            return (id, SharedAccessSignature.token(resourceURI: "\(scope)/registrations/\(id)", key: key, policyName: nil, expiry: expiry))
        }
        var failures = 0
        let elapsed = try await Stopwatch.time {
            for (id, token) in tokens {
                let operation = try await cloud.register(idScope: scope, registrationId: id, credential: .sasToken(token))
                let outcome = try await cloud.registrationOperation(idScope: scope, registrationId: id, operationId: operation.operationId)
                if outcome.status != .assigned { failures += 1 }
            }
        }
        guard failures == 0 else { throw BenchmarkError.failed("provisioning: \(failures) registrations not assigned") }
        return [
            Measurement(name: "\(registrations) DPS registrations in-process (group SAS, hashed over \(Self.hubCount) hubs, initial twin, durable)", value: elapsed, unit: .seconds),
            Measurement(name: "registration rate", value: Double(registrations) / elapsed, unit: .perSecond),
        ]
    }
}
