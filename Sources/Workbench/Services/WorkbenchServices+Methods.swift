import HubEngine
import LocalCloud

extension WorkbenchServices {
    /// Invokes a direct method as `az iot hub invoke-device-method` does; the hub applies
    /// Azure's rules (timeouts, payload size, DeviceNotOnline, GatewayTimeout).
    static func invokeMethod(_ call: DirectMethodCall, hub name: String, deviceId: String, in cloud: LocalCloud) async -> WorkbenchMessage {
        let outcome: Result<DirectMethodResult, HubRefusal>
        do {
            let hub = try await cloud.engine(forHub: name)
            outcome = .success(try await hub.invokeMethod(call, onDevice: deviceId))
        } catch {
            outcome = .failure(HubRefusal(error))
        }
        return .methodFinished(hub: name, deviceId: deviceId, methodName: call.methodName, outcome)
    }

    /// Enqueues a cloud-to-device message as `az iot device c2d-message send` does and answers
    /// with the device's queue depth after it (at most 50: DeviceMaximumQueueDepthExceeded).
    static func sendCloudToDevice(_ message: CloudToDeviceMessage, hub name: String, deviceId: String, in cloud: LocalCloud) async -> WorkbenchMessage {
        let outcome: Result<Int, HubRefusal>
        do {
            let hub = try await cloud.engine(forHub: name)
            try await hub.sendCloudToDevice(message, to: deviceId)
            outcome = .success(try await hub.cloudToDeviceQueueDepth(deviceId: deviceId))
        } catch {
            outcome = .failure(HubRefusal(error))
        }
        return .cloudToDeviceFinished(hub: name, deviceId: deviceId, messageId: message.messageId, outcome)
    }
}
