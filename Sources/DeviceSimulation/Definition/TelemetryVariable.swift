import JSONValue

/// A named value that changes from one message to the next, as the Azure IoT Telemetry
/// Simulator defines its variables, with two additions a lab device needs (decimal random
/// values and counters that wrap).
///
/// Written in a definition as `{"name": "temperature", "random": true, "min": 20, "max": 35,
/// "decimals": 2}`; a template refers to it as `$.temperature`.
public struct TelemetryVariable: Sendable, Equatable {
    /// How the value is produced for each message.
    public enum Kind: Sendable, Equatable {
        /// A whole number drawn uniformly from `min..<max` (the Telemetry Simulator's `random`,
        /// .NET's `Random.Next(min, max)`); any non-negative 32-bit number when no range is given.
        case randomInteger(Range<Int>?)
        /// A number drawn uniformly from `min..<max`, rounded to `decimals` places: a sensor
        /// reading such as lab 04's temperature 20–35 °C.
        case randomDecimal(min: Double, max: Double, decimals: Int)
        /// A number that starts at `start` and grows by `step` each message (the Telemetry
        /// Simulator's counter, `min` and `step`); with `max`, it goes back to `start` once a
        /// step would pass `max`. Whole numbers stay whole when start and step are.
        case counter(start: Double, step: Double, max: Double?)
        /// One of `values`, at random, or in order and round again with `sequence`. A string
        /// `$.Name` stands for another variable's current value, declared earlier or built in.
        case choice([JSONValue], sequence: Bool)
        /// Random letters and digits of the given length (the simulator's `customLengthString`).
        case randomString(length: Int)
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Values built into every simulation, as the Telemetry Simulator provides them, plus the
    /// message number (`az iot device simulate` numbers its messages `#1`, `#2`, ...).
    public enum BuiltIn: String, CaseIterable, Sendable {
        /// The simulated device's id.
        case deviceId = "DeviceId"
        /// The simulated module's id, empty for a device.
        case moduleId = "ModuleId"
        /// A new random UUID for every message.
        case guid = "Guid"
        /// The clock's time in UTC, ISO 8601 with seven fractional digits, as .NET's `"o"`.
        case time = "Time"
        /// The same instant in the machine's time zone, with its offset.
        case localTime = "LocalTime"
        /// .NET ticks (100 ns since 0001-01-01) of the clock's time.
        case ticks = "Ticks"
        /// Whole seconds since 1970-01-01 of the clock's time.
        case epoch = "Epoch"
        /// The host name of the machine running iotlab.
        case machineName = "MachineName"
        /// 1 for the first round of messages, then 2, 3, ...
        case messageNumber = "MessageNumber"
    }

    /// What a direct method's response payload may refer to besides the variables.
    public enum MethodBuiltIn: String, CaseIterable, Sendable {
        /// The invoked method's name.
        case methodName = "MethodName"
        /// The request id the hub gave the invocation.
        case methodRequestId = "MethodRequestId"
        /// The invocation's JSON payload, typed.
        case methodPayload = "MethodPayload"
    }
}
