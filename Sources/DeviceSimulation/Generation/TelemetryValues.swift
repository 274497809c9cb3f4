import Foundation
import JSONValue
import LabCore

/// The values of one simulated device from round to round: the built-ins, then each variable
/// in declaration order (so a `values` list can refer to a variable declared before it).
struct TelemetryValues: Sendable {
    private let variables: [TelemetryVariable]
    private let deviceId: String
    private let moduleId: String?
    private let machineName: String
    private var random: SimulationRandom
    /// How many steps each counter has taken since it last started over.
    private var counterSteps: [String: Int] = [:]
    /// The next position in each `sequence` list.
    private var sequencePositions: [String: Int] = [:]
    /// Rounds produced so far.
    private(set) var round = 0

    init(variables: [TelemetryVariable], deviceId: String, moduleId: String?, seed: UInt64, machineName: String) {
        self.variables = variables
        self.deviceId = deviceId
        self.moduleId = moduleId
        self.machineName = machineName
        random = SimulationRandom(seed: seed)
    }

    /// The next round's values at the clock's `now`, built-ins first.
    mutating func next(at now: Date) -> JSONObject {
        round += 1
        var values: JSONObject = [
            TelemetryVariable.BuiltIn.deviceId.rawValue: .string(deviceId),
            TelemetryVariable.BuiltIn.moduleId.rawValue: .string(moduleId ?? ""),
            TelemetryVariable.BuiltIn.guid.rawValue: .string(random.uuid()),
            TelemetryVariable.BuiltIn.time.rawValue: .string(AzureTimestamp.string(now)),
            TelemetryVariable.BuiltIn.localTime.rawValue: .string(Self.localTime(now)),
            TelemetryVariable.BuiltIn.ticks.rawValue: .integer(Int(AzureTimestamp.dotNetTicks(now))),
            TelemetryVariable.BuiltIn.epoch.rawValue: .integer(Int(now.timeIntervalSince1970.rounded(.down))),
            TelemetryVariable.BuiltIn.machineName.rawValue: .string(machineName),
            TelemetryVariable.BuiltIn.messageNumber.rawValue: .integer(round),
        ]
        for variable in variables {
            values[variable.name] = nextValue(of: variable, given: values)
        }
        return values
    }

    private mutating func nextValue(of variable: TelemetryVariable, given values: JSONObject) -> JSONValue {
        switch variable.kind {
        case .randomInteger(let range):
            return .integer(Int.random(in: range ?? 0..<Int(Int32.max), using: &random))
        case .randomDecimal(let min, let max, let decimals):
            let scale = pow(10, Double(decimals))
            return .double((Double.random(in: min..<max, using: &random) * scale).rounded() / scale)
        case .counter(let start, let step, let max):
            var steps = counterSteps[variable.name].map { $0 + 1 } ?? 0
            var value = start + Double(steps) * step
            if let max, step > 0 ? value > max : value < max {
                steps = 0
                value = start
            }
            counterSteps[variable.name] = steps
            // Multiplying rather than adding keeps 0.1-steps from drifting; rounding away the
            // last binary digits keeps 0.1 * 3 printing as 0.3.
            let tidy = (value * 1e9).rounded() / 1e9
            if let whole = Int(exactly: tidy), Int(exactly: start) != nil, Int(exactly: step) != nil { return .integer(whole) }
            return .double(tidy)
        case .choice(let choices, let sequence):
            let index: Int
            if sequence {
                index = sequencePositions[variable.name, default: 0]
                sequencePositions[variable.name] = (index + 1) % choices.count
            } else {
                index = Int.random(in: 0..<choices.count, using: &random)
            }
            let choice = choices[index]
            if let text = choice.stringValue, text.hasPrefix("$."), let referenced = values[String(text.dropFirst(2))] {
                return referenced
            }
            return choice
        case .randomString(let length):
            let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            return .string(String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
        }
    }

    /// An instant in the machine's time zone as .NET's `"o"` format writes local times:
    /// `2026-01-01T01:00:00.0000000+01:00`.
    private static func localTime(_ now: Date) -> String {
        let offset = TimeZone.current.secondsFromGMT(for: now)
        let local = AzureTimestamp.string(now.addingTimeInterval(Double(offset))).dropLast()
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return local + sign + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }
}
