import Foundation
import HubEngine
import JSONValue

/// `telemetry: {from, atLeast, within, property, equals, system, bodyFields}`: enough
/// device-to-cloud messages from a device reached the built-in endpoint, as
/// `az iot hub monitor-events --device-id` (the official labs' verification) would show them.
/// A message counts when it carries every property, system property and body field asked for.
public struct TelemetryCheck: LabCheckKind {
    public static let key = "telemetry"
    let hubName: String
    let deviceId: String
    let atLeast: Int
    /// Only messages enqueued this many seconds of lab time before the check count.
    let within: Int?
    let property: String?
    let equals: String?
    /// System properties by Azure's key (`content-type`), with the value required.
    let system: [(String, String)]
    /// Members the JSON body must have.
    let bodyFields: [String]

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(
            allowing: ["from", "atLeast", "within", "property", "equals", "system", "bodyFields"]))
        deviceId = try field.field.required("from").nonEmptyString()
        atLeast = try members["atLeast"]?.integer(in: 1...100_000) ?? 1
        within = try members["within"]?.integer(in: 1...86_400 * 7)
        property = try members["property"]?.nonEmptyString()
        equals = try members["equals"]?.string()
        if equals != nil, property == nil { throw field.field.error("'equals' needs the 'property' it compares") }
        var system: [(String, String)] = []
        if let systemField = members["system"] {
            for (name, value) in try systemField.members(allowing: Self.systemKeys) { system.append((name, try value.string())) }
        }
        self.system = system
        bodyFields = try members["bodyFields"]?.strings() ?? []
    }

    static let systemKeys: Set<String> = ["message-id", "correlation-id", "user-id", "content-type", "content-encoding"]

    public var journalKinds: Set<String> { ["MessageRouted"] }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        var conditions: [String] = []
        if let property { conditions.append("property \(property)" + (equals.map { " = \($0)" } ?? "")) }
        conditions += system.map { "\($0.0) = \($0.1)" }
        if !bodyFields.isEmpty { conditions.append("body fields " + bodyFields.joined(separator: ", ")) }
        let expected = "at least \(atLeast) message\(atLeast == 1 ? "" : "s") from \(deviceId) in the built-in endpoint"
            + (within.map { " in the last \($0) s" } ?? "") + (conditions.isEmpty ? "" : " with " + conditions.joined(separator: ", "))
        guard let hub = try? await context.cloud.hub(named: hubName) else { return CheckContext.noHub(hubName, expected: expected) }
        let reader = EndpointReader(workspace: context.cloud.workspace, hubName: hubName)
        // A running count can go on from where it stopped, on the same hub (not one deleted and
        // created again under the name); a count within a window slides with time, so it is redone.
        let incremental = within == nil
        var cursor: TelemetryCursor
        if incremental, let kept = await context.cursor(as: TelemetryCursor.self), kept.hubCreatedAt == hub.createdAt {
            cursor = kept
        } else {
            cursor = TelemetryCursor(hubCreatedAt: hub.createdAt, positions: try reader.positions(partitionCount: hub.eventHub.partitionCount, at: .earliest))
        }
        let since = within.map { context.now.addingTimeInterval(-TimeInterval($0)) }
        var read = 0
        while true {
            let events = try reader.readAll(from: &cursor.positions, limit: 1000)
            if events.isEmpty { break }
            read += events.count
            for event in events where event.message.systemProperties.connectionDeviceId == deviceId {
                if let since, event.enqueuedTime < since { continue }
                cursor.fromDevice += 1
                if matches(event.message) { cursor.matching += 1 }
            }
        }
        await context.keep(incremental ? cursor : nil, rowsRead: read)
        let (fromDevice, matching) = (cursor.fromDevice, cursor.matching)
        let actual = "\(matching) such message\(matching == 1 ? "" : "s")" + (fromDevice != matching ? " (of \(fromDevice) from \(deviceId))" : "")
        return CheckOutcome(passed: matching >= atLeast, expected: expected, actual: actual)
    }

    private func matches(_ message: HubMessage) -> Bool {
        if let property {
            guard let value = message.applicationProperties[property] else { return false }
            if let equals, value != equals { return false }
        }
        let named = message.systemProperties.named
        for (name, value) in system where !named.contains(where: { $0.name == name && $0.value == value }) { return false }
        if !bodyFields.isEmpty {
            guard let body = try? JSONValue(parsing: String(decoding: message.body, as: UTF8.self)) else { return false }
            for name in bodyFields where body[name] == nil { return false }
        }
        return true
    }
}

/// How far a telemetry check read the built-in endpoint of which hub, and what it counted.
struct TelemetryCursor: Sendable {
    let hubCreatedAt: Date
    var positions: StreamPositions
    var fromDevice = 0
    var matching = 0
}
