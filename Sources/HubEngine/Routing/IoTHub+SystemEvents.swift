import Foundation
import JSONValue
import LabCore
import WorkspaceStore

extension IoTHub {
    /// Routes the twin-change, lifecycle and connection-state messages a registry or twin change
    /// produces, inside the transaction that writes the change, so the notification is durable
    /// exactly when the change is. As in Azure, a source's messages are built only when an
    /// enabled route for that source exists; the fallback route never takes them.
    func routeSystemEvents(of change: HubChange, in writer: WorkspaceWriter, at time: Date) throws {
        telemetry.prepare(for: settings, at: time)
        var appends = StreamAppends()
        var journal = MessageRoutedJournal(scope: scope, time: time)
        for event in change.events.flatMap({ expandedForRouting($0, in: change) }) {
            guard let source = Self.routingSource(of: event), telemetry.routes.hasRoutes(for: source),
                let notification = systemNotification(for: event, in: change, at: time)
            else { continue }
            let (decision, copies) = route(notification.message, source: notification.source, twinKey: notification.twinKey)
            try deliver(copies, decision: decision, into: &appends, journal: &journal, in: writer, at: time)
            count(decision, copies: copies)
            telemetry.remember(decision)
        }
        _ = try appends.write(in: writer)
        try writer.append(journal.batch)
    }

    /// The source whose routes take the notification of `event`; `nil` when it produces none.
    private static func routingSource(of event: HubEvent) -> RoutingSource? {
        switch event {
        case .twinUpdated, .reportedPropertiesUpdated: .twinChangeEvents
        case .deviceCreated, .deviceDeleted, .moduleCreated, .moduleDeleted: .deviceLifecycleEvents
        case .connectionChanged: .deviceConnectionStateEvents
        case .deviceUpdated, .moduleUpdated, .devicesImported, .messaging: nil
        }
    }

    /// A bulk import journals one summary event; Azure notifies each device it created or deleted,
    /// so for routing the summary stands for those creations and deletions.
    private func expandedForRouting(_ event: HubEvent, in change: HubChange) -> [HubEvent] {
        guard case .devicesImported = event, telemetry.routes.hasRoutes(for: .deviceLifecycleEvents) else { return [event] }
        return change.devices.sorted { $0.key < $1.key }.compactMap { deviceId, identity in
            switch (identity, state.devices[deviceId]) {
            case (let created?, nil): .deviceCreated(created)
            case (nil, _?): .deviceDeleted(deviceId: deviceId)
            default: nil
            }
        }
    }

    /// The message Azure emits for `event`, or `nil` for events that have no routing source.
    private func systemNotification(for event: HubEvent, in change: HubChange, at time: Date)
        -> (source: RoutingSource, message: HubMessage, twinKey: String)?
    {
        switch event {
        case .twinUpdated(let deviceId, let moduleId, let tags, let desired, _, let desiredVersion):
            let key = Self.twinKey(deviceId, moduleId)
            var body: JSONObject = ["version": .integer(twinVersion(key, in: change))]
            if let tags { body["tags"] = .object(tags) }
            if var desired {
                desired["$version"] = .integer(desiredVersion)
                body["properties"] = ["desired": .object(desired)]
            }
            return notification(.twinChangeEvents, schema: "twinChangeNotification", opType: "updateTwin",
                deviceId: deviceId, moduleId: moduleId, body: .object(body), at: time)
        case .reportedPropertiesUpdated(let deviceId, let moduleId, var patch, let reportedVersion):
            let key = Self.twinKey(deviceId, moduleId)
            patch["$version"] = .integer(reportedVersion)
            let body: JSONValue = ["version": .integer(twinVersion(key, in: change)), "properties": ["reported": .object(patch)]]
            return notification(.twinChangeEvents, schema: "twinChangeNotification", opType: "updateTwin",
                deviceId: deviceId, moduleId: moduleId, body: body, at: time)
        case .deviceCreated(let device):
            let body = change.twins[device.deviceId].flatMap { $0 }.map { TwinDocument.device(device, $0) } ?? .emptyObject
            return notification(.deviceLifecycleEvents, schema: "deviceLifecycleNotification", opType: "createDeviceIdentity",
                deviceId: device.deviceId, moduleId: nil, body: body, at: time)
        case .deviceDeleted(let deviceId):
            return notification(.deviceLifecycleEvents, schema: "deviceLifecycleNotification", opType: "deleteDeviceIdentity",
                deviceId: deviceId, moduleId: nil, body: state.documents[deviceId] ?? .emptyObject, at: time)
        case .moduleCreated(let module):
            let body = change.twins[module.storageKey].flatMap { $0 }.map { TwinDocument.module(module, $0) } ?? .emptyObject
            return notification(.deviceLifecycleEvents, schema: "deviceLifecycleNotification", opType: "createModuleIdentity",
                deviceId: module.deviceId, moduleId: module.moduleId, body: body, at: time)
        case .moduleDeleted(let deviceId, let moduleId):
            return notification(.deviceLifecycleEvents, schema: "deviceLifecycleNotification", opType: "deleteModuleIdentity",
                deviceId: deviceId, moduleId: moduleId, body: state.documents[Self.twinKey(deviceId, moduleId)] ?? .emptyObject, at: time)
        case .connectionChanged(let deviceId, let moduleId, let connection):
            let body: JSONValue = ["sequenceNumber": .string(Self.connectionSequenceNumber(at: time))]
            return notification(.deviceConnectionStateEvents, schema: "deviceConnectionStateNotification",
                opType: connection == .connected ? "deviceConnected" : "deviceDisconnected",
                deviceId: deviceId, moduleId: moduleId, body: body, at: time)
        case .deviceUpdated, .moduleUpdated, .devicesImported, .messaging:
            return nil
        }
    }

    /// A notification in Azure's shape: a JSON body, `application/json` in UTF-8, and the
    /// application properties `hubName`, `deviceId`, `moduleId`, `operationTimestamp`,
    /// `iothub-message-schema` and `opType`.
    private func notification(
        _ source: RoutingSource, schema: String, opType: String, deviceId: String, moduleId: String?, body: JSONValue, at time: Date
    ) -> (source: RoutingSource, message: HubMessage, twinKey: String) {
        var properties: OrderedDictionary<String, String> = ["hubName": settings.name, "deviceId": deviceId]
        if let moduleId { properties["moduleId"] = moduleId }
        properties["operationTimestamp"] = AzureTimestamp.string(time)
        properties["iothub-message-schema"] = schema
        properties["opType"] = opType
        let system = MessageSystemProperties(
            contentType: "application/json", contentEncoding: "utf-8", connectionDeviceId: deviceId,
            connectionModuleId: moduleId, enqueuedTime: time, messageSource: source.messageSource)
        let message = HubMessage(body: Array(body.serialized(.compact).utf8), systemProperties: system, applicationProperties: properties)
        return (source, message, Self.twinKey(deviceId, moduleId))
    }

    /// The twin version after `change`, or before it when the change leaves the twin alone.
    private func twinVersion(_ key: String, in change: HubChange) -> Int {
        if let updated = change.twins[key].flatMap({ $0 }) { return updated.version }
        guard case .integer(let version)? = state.documents[key]?["version"] else { return 1 }
        return version
    }

    private static func twinKey(_ deviceId: String, _ moduleId: String?) -> String {
        moduleId.map { deviceId + "/" + $0 } ?? deviceId
    }

    /// The ordering token Azure puts in a connection-state event: hex digits that grow with
    /// time, so a consumer can drop an older event that arrives after a newer one.
    private static func connectionSequenceNumber(at time: Date) -> String {
        let ticks = UInt64(max(0, AzureTimestamp.dotNetTicks(time)))
        let hex = String(ticks, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 32 - hex.count)) + hex + String(repeating: "0", count: 32)
    }
}
