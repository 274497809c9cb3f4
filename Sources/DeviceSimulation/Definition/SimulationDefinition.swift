import Foundation
import JSONValue

/// A simulated device described as data: the values it generates, the messages it sends and
/// how often, and how it behaves towards its twin, direct methods and cloud-to-device messages.
///
/// Read from JSON (schema in `docs/simulation.md`), so lab 04's temperature sensor and lab 07's
/// vibration sensor are files in `Content/simulations/` rather than programs. Everything is
/// checked when the definition is read: a misspelt member, an unknown placeholder or a
/// condition that does not parse is refused with the member's path, before any device connects.
public struct SimulationDefinition: Sendable {
    /// The definition's name, which `iotlab sim start` uses to find it.
    public let name: String
    public let description: String?
    /// The device to simulate when none is given at start.
    public let deviceId: String?
    /// The module to simulate, on `deviceId`; `nil` for the device itself.
    public let moduleId: String?
    /// Seconds between rounds of messages, on the hub's clock.
    public let intervalSeconds: Double
    /// Rounds to send before the device disconnects; 0 runs until stopped.
    public let count: Int
    /// Seeds the random values, so a run can be repeated exactly; random when `nil`.
    public let seed: UInt64?
    public let variables: [TelemetryVariable]
    /// Sent in order, each round.
    public let messages: [MessageTemplate]
    public let twin: TwinBehaviour
    /// Answers by method name; `"*"` answers any other method. A device with no methods does
    /// not subscribe to them, so invoking one is `DeviceNotOnline`, as for a real device that
    /// registered no handler.
    public let methods: OrderedDictionary<String, MethodBehaviour>
    /// How received cloud-to-device messages are settled; `nil` for a device that does not
    /// receive them (they stay queued, as for a device that never calls receive).
    public let cloudToDevice: CloudToDeviceSettlement?

    /// The answer to a method no entry of `methods` names when there is no `"*"` entry:
    /// 501 with no payload, what the device SDKs return for a method without a handler.
    public static let methodNotImplementedStatus = 501

    /// Reads a definition document, checking every rule.
    public init(json: JSONValue) throws(SimulationError) {
        let root = try DefinitionField(value: json, path: "").allowingOnly([
            "name", "description", "deviceId", "moduleId", "intervalSeconds", "count", "seed", "variables", "messages",
            "twin", "methods", "cloudToDevice",
        ])
        name = try root.required("name").string()
        description = try root.member("description")?.string()
        deviceId = try root.member("deviceId")?.string()
        moduleId = try root.member("moduleId")?.string()
        if let interval = root.member("intervalSeconds") {
            intervalSeconds = try interval.number()
            guard intervalSeconds > 0, intervalSeconds <= 86_400 else {
                throw interval.failure("must be more than 0 and at most 86400 seconds, not \(intervalSeconds.jsonText)")
            }
        } else {
            intervalSeconds = 1
        }
        count = try root.member("count")?.integer(in: 0...Int(Int32.max)) ?? 0
        seed = try root.member("seed").map { field throws(SimulationError) in UInt64(try field.integer(in: 0...Int.max)) }

        var variables: [TelemetryVariable] = []
        var declared = Set<String>()
        for field in try root.member("variables")?.elements() ?? [] {
            let variable = try TelemetryVariable(field, earlier: declared)
            variables.append(variable)
            declared.insert(variable.name)
        }
        self.variables = variables
        let names = declared.union(TelemetryVariable.BuiltIn.allCases.map(\.rawValue))

        messages = try (root.member("messages")?.elements() ?? []).map { field throws(SimulationError) in
            try MessageTemplate(field, names: names)
        }
        twin = try root.member("twin").map { field throws(SimulationError) in try TwinBehaviour(field) } ?? .none
        let methodNames = names.union(TelemetryVariable.MethodBuiltIn.allCases.map(\.rawValue))
        var methods = OrderedDictionary<String, MethodBehaviour>()
        for (name, field) in try root.member("methods")?.members() ?? [] {
            guard !name.isEmpty else { throw field.failure("a method needs a name") }
            methods[name] = try MethodBehaviour(field, names: methodNames)
        }
        self.methods = methods
        if let settle = root.member("cloudToDevice") {
            let text = try settle.string()
            guard let settlement = CloudToDeviceSettlement(rawValue: text) else {
                throw settle.failure("must be one of " + CloudToDeviceSettlement.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(text)'")
            }
            cloudToDevice = settlement
        } else {
            cloudToDevice = nil
        }
    }

    /// Reads a definition from JSON text; a syntax error names its line and column.
    public init(text: String) throws(SimulationError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw .invalidDefinition(field: "(document)", reason: error.description)
        }
        try self.init(json: json)
    }

    /// The behaviour for a method, falling back to the `"*"` entry.
    public func method(named name: String) -> MethodBehaviour? {
        methods[name] ?? methods["*"]
    }
}
