import Foundation
import HubEngine
import JSONValue

/// Turns a definition into the messages and answers of one simulated device, round by round;
/// a value type with no clock and no hub, so what a device would send can be tested and
/// previewed on its own.
public struct TelemetryGenerator: Sendable {
    public let definition: SimulationDefinition
    private var values: TelemetryValues
    /// The values of the last round, which method answers also read; empty before the first.
    public private(set) var lastValues: JSONObject = [:]

    /// A generator for `deviceId` (and `moduleId`), its random values drawn from `seed`.
    public init(
        definition: SimulationDefinition, deviceId: String, moduleId: String? = nil, seed: UInt64,
        machineName: String = ProcessInfo.processInfo.hostName
    ) {
        self.definition = definition
        values = TelemetryValues(
            variables: definition.variables, deviceId: deviceId, moduleId: moduleId, seed: seed, machineName: machineName)
    }

    /// Rounds produced so far.
    public var round: Int { values.round }

    /// The next round: new values at `now`, and one message per template, in order.
    public mutating func nextRound(at now: Date) -> [DeviceMessage] {
        lastValues = values.next(at: now)
        return definition.messages.map { $0.message(with: lastValues) }
    }

    /// The device's answer to a direct method, or 501 with no payload when the definition
    /// has no behaviour for it.
    public func answer(method name: String, requestId: String, payload: JSONValue) -> (status: Int, payload: JSONValue) {
        guard let behaviour = definition.method(named: name) else {
            return (SimulationDefinition.methodNotImplementedStatus, .null)
        }
        var scope = lastValues
        scope[TelemetryVariable.MethodBuiltIn.methodName.rawValue] = .string(name)
        scope[TelemetryVariable.MethodBuiltIn.methodRequestId.rawValue] = .string(requestId)
        scope[TelemetryVariable.MethodBuiltIn.methodPayload.rawValue] = payload
        return (behaviour.status, behaviour.payloadTemplate.filled(with: scope))
    }

}
