import JSONValue
import LabCore

extension HubEvent {
    /// `MethodInvoked`: a direct method's name, target and outcome (the device's status, or the
    /// error's code and name). Payloads are left out: they may be large and carry secrets.
    static func methodInvoked(_ target: MessageSender, call: DirectMethodCall, outcome: Result<DirectMethodResult, any Error>) -> HubEvent {
        var payload: JSONObject = ["deviceId": .string(target.deviceId)]
        if let moduleId = target.moduleId { payload["moduleId"] = .string(moduleId) }
        payload["methodName"] = .string(call.methodName)
        switch outcome {
        case .success(let result):
            payload["status"] = .integer(result.status)
        case .failure(let error as any AzureError):
            payload["error"] = .string(error.errorName)
            payload["errorCode"] = error.errorCode.map(JSONValue.integer) ?? .null
        case .failure(let error):
            payload["error"] = .string(String(describing: error))
        }
        return .messaging(kind: "MethodInvoked", subject: target.key, payload: .object(payload))
    }
}
