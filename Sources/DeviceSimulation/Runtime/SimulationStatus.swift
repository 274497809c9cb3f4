import Foundation
import JSONValue
import LabCore

/// Where one simulated device stands: what `iotlab sim list` shows and what a stopped or
/// finished simulation reports.
public struct SimulationStatus: Sendable, Equatable {
    /// Why a simulation runs or ended.
    public enum State: Sendable, Equatable {
        /// Connected and sending.
        case running
        /// Sent its `count` rounds and disconnected.
        case completed
        /// Stopped by `stop`.
        case stopped
        /// The hub closed the connection (device disabled or deleted, session taken over).
        case disconnected(reason: String)
        /// Could not set up after connecting (e.g. twin not available on the basic tier).
        case failed(reason: String)

        public var isRunning: Bool { self == .running }

        /// `running`, `completed`, `stopped`, `disconnected`, `failed`.
        public var name: String {
            switch self {
            case .running: "running"
            case .completed: "completed"
            case .stopped: "stopped"
            case .disconnected: "disconnected"
            case .failed: "failed"
            }
        }
    }

    public var definitionName: String
    public var deviceId: String
    public var moduleId: String?
    public var state: State
    public var startedAt: Date
    public var endedAt: Date?
    /// Rounds of messages produced (each round sends every template once).
    public var rounds: Int = 0
    /// Messages the hub acknowledged.
    public var messagesSent: Int = 0
    /// Messages the hub refused (quota, throttling, size), each also in `lastError`.
    public var sendFailures: Int = 0
    public var lastMessageAt: Date?
    public var methodsAnswered: Int = 0
    public var cloudToDeviceSettled: Int = 0
    /// Reported-property patches sent: initial, catching up at start, and for each desired patch.
    public var reportedPatches: Int = 0
    /// The latest error, as `429001 ThrottlingException: ...`.
    public var lastError: String?

    public init(definitionName: String, deviceId: String, moduleId: String?, state: State, startedAt: Date) {
        self.definitionName = definitionName
        self.deviceId = deviceId
        self.moduleId = moduleId
        self.state = state
        self.startedAt = startedAt
    }

    /// The status as `iotlab sim list` prints it, times as Azure writes them.
    public var json: JSONValue {
        var object: JSONObject = ["deviceId": .string(deviceId)]
        if let moduleId { object["moduleId"] = .string(moduleId) }
        object["definition"] = .string(definitionName)
        object["state"] = .string(state.name)
        switch state {
        case .disconnected(let reason), .failed(let reason): object["reason"] = .string(reason)
        default: break
        }
        object["startedAt"] = .string(AzureTimestamp.string(startedAt))
        if let endedAt { object["endedAt"] = .string(AzureTimestamp.string(endedAt)) }
        object["rounds"] = .integer(rounds)
        object["messagesSent"] = .integer(messagesSent)
        object["sendFailures"] = .integer(sendFailures)
        if let lastMessageAt { object["lastMessageAt"] = .string(AzureTimestamp.string(lastMessageAt)) }
        object["methodsAnswered"] = .integer(methodsAnswered)
        object["cloudToDeviceSettled"] = .integer(cloudToDeviceSettled)
        object["reportedPatches"] = .integer(reportedPatches)
        if let lastError { object["lastError"] = .string(lastError) }
        return .object(object)
    }
}
