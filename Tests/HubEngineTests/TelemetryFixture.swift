import Foundation
import HubEngine
import JSONValue
import LabCore

/// A hub with registered devices and a routing configuration, for telemetry and routing tests.
struct TelemetryFixture {
    let base: HubFixture
    var hub: IoTHub { base.hub }
    var clock: ManualClock { base.clock }

    init(sku: String = "S1", devices: [String] = ["d1"], routing: RoutingConfiguration = RoutingConfiguration()) async throws {
        base = try HubFixture(sku: sku)
        for deviceId in devices {
            _ = try await base.hub.createDevice(DeviceIdentity(deviceId: deviceId))
        }
        try await route(routing)
    }

    /// Applies `routing` to the hub, validated as Resource Manager would.
    func route(_ routing: RoutingConfiguration) async throws {
        let current = await hub.settings
        try routing.validated(for: current.tier)
        var settings = current
        settings.routing = routing
        await hub.apply(settings)
    }

    /// Sends a JSON message from `deviceId` with `properties`.
    func send(_ body: String = #"{"temperature":20}"#, from deviceId: String = "d1", properties: OrderedDictionary<String, String> = [:])
        async throws -> IngestReceipt
    {
        try await hub.ingest(
            DeviceMessage(body: Array(body.utf8), applicationProperties: properties, contentType: "application/json", contentEncoding: "utf-8"),
            from: MessageSender(deviceId: deviceId))
    }

    /// The payloads of the journal events of `kind`, oldest first.
    func journal(_ kind: String) throws -> [JSONValue] {
        try base.workspace.journal(after: 0, limit: 100_000).filter { $0.kind == kind }.map { try JSONValue(parsing: $0.payload) }
    }
}

/// Endpoints the routing tests send to.
enum TestEndpoints {
    static let queue = ServiceBusEndpoint(name: "alerts", connectionString: "Endpoint=sb://ns.servicebus.windows.net/;EntityPath=alerts")
    static let storage = StorageContainerEndpoint(name: "archive", containerName: "archive")
    static let both = RoutingEndpoints(storageContainers: [storage], serviceBusQueues: [queue])
}
