import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import ProvisioningEngine
import Testing
import WorkspaceStore
@testable import LocalCloud

/// A workspace with one DPS linked to two hubs, and the helpers device-side tests need.
struct ProvisioningFixture {
    let clock = ManualClock()
    let workspace: Workspace
    let cloud: LocalCloud
    let scope: String

    static let dps = "lab-dps"
    static let hubA = "hub-a.azure-devices.net"
    static let hubB = "hub-b.azure-devices.net"

    init(workspace: Workspace? = nil) async throws {
        self.workspace = try workspace ?? Workspace.inMemory()
        cloud = try LocalCloud(workspace: self.workspace, clock: clock)
        _ = try await cloud.createResourceGroup(name: "rg", location: "westeurope")
        for (name, location) in [("hub-a", "westeurope"), ("hub-b", "eastus")] {
            let hub = try await cloud.createHub(HubCreation(name: name, resourceGroup: "rg", location: location))
            _ = hub
        }
        let service = try await cloud.createProvisioningService(name: Self.dps, resourceGroup: "rg")
        scope = service.idScope
        for name in ["hub-a", "hub-b"] {
            let connection = try await cloud.hub(named: name).connectionString()
            _ = try await cloud.linkHub(toProvisioningService: Self.dps, resourceGroup: "rg", connectionString: connection)
        }
    }

    var now: Date { clock.now() }

    /// A device's SAS token for its registration, as the SDK builds it.
    func token(_ registrationId: String, key: String, scope: String? = nil) throws -> String {
        SharedAccessSignature.token(
            resourceURI: "\(scope ?? self.scope)/registrations/\(registrationId)", key: try SymmetricKey(base64: key), policyName: nil,
            expiry: now + 3600)
    }

    /// Registers and polls once, as the SDK does; returns the final operation.
    func register(_ registrationId: String, _ credential: RegistrationCredential, payload: JSONValue? = nil) async throws -> RegistrationOperation {
        let first = try await cloud.register(idScope: scope, registrationId: registrationId, payload: payload, credential: credential)
        #expect(first.status == .assigning)
        return try await cloud.registrationOperation(idScope: scope, registrationId: registrationId, operationId: first.operationId)
    }

    /// The device as the hub sees it.
    func device(_ deviceId: String, in host: String) async throws -> DeviceIdentity {
        try await cloud.engine(forHub: String(host.prefix { $0 != "." })).device(deviceId)
    }

    func twin(_ deviceId: String, in host: String) async throws -> JSONValue {
        try await cloud.engine(forHub: String(host.prefix { $0 != "." })).twin(of: deviceId)
    }

    /// The payloads of journal events of `kind`.
    func events(_ kind: String) throws -> [JSONValue] {
        try workspace.read { reader in try reader.journal(after: 0, limit: 10_000) }
            .filter { $0.kind == kind }
            .compactMap { try? JSONValue(parsing: $0.payload) }
    }

    static func key() -> String { SymmetricKey.generate().base64 }
}
