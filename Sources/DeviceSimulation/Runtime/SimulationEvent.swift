import HubEngine
import JSONValue

/// Something a simulated device did, for a live pane or for `az iot device simulate`'s
/// handler output.
public enum SimulationEvent: Sendable {
    /// The hub acknowledged a message of round `round`.
    case messageSent(DeviceMessage, round: Int)
    /// The hub refused a message; the simulation goes on with the next.
    case sendFailed(DeviceMessage, round: Int, error: String)
    /// The device answered a direct method.
    case methodAnswered(MethodRequest, status: Int, payload: JSONValue)
    /// The device settled a cloud-to-device message.
    case cloudToDeviceSettled(ReceivedCloudToDeviceMessage, CloudToDeviceSettlement)
    /// The device patched its reported properties.
    case reportedPatched(JSONObject)
    /// Handling something the hub delivered failed (e.g. answering a method that timed out).
    case inputFailed(error: String)
    /// The simulation ended.
    case finished(SimulationStatus)
}
