import DeviceSimulation
import Foundation
import HubEngine
import JSONValue
import LabCore

/// One line of what a simulated device did, as the holding process prints it:
/// `22:43:07 sensor-th-0001 sent {"temperature":31.2} temperatureAlert=true`.
enum SimulationActivity {
    static func line(_ event: SimulationEvent, device: String, at time: Date) -> String {
        let clock = String(AzureTimestamp.string(time).dropFirst(11).prefix(8))
        let text: String
        switch event {
        case .messageSent(let message, _):
            let properties = message.applicationProperties.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            text = "sent " + String(decoding: message.body, as: UTF8.self) + (properties.isEmpty ? "" : " " + properties)
        case .sendFailed(_, _, let error):
            text = "send refused: \(error)"
        case .methodAnswered(let request, let status, let payload):
            text = "answered method \(request.methodName) with \(status) \(payload.serialized(.compact))"
        case .cloudToDeviceSettled(let received, let settlement):
            text = "received C2D \(String(decoding: received.message.body, as: UTF8.self)) and \(settlement.rawValue)d it"
        case .reportedPatched(let patch):
            text = "reported " + JSONValue.object(patch).serialized(.compact)
        case .inputFailed(let error):
            text = "could not handle a delivery: \(error)"
        case .finished(let status):
            text = "finished (\(SimulationTable.stateText(status))) after \(status.messagesSent) messages"
        }
        return "\(clock) \(device) \(text)\n"
    }
}
