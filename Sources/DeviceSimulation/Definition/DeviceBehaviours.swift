import JSONValue

/// How a simulated device answers a direct method: the status and payload the device sends
/// back, as `az iot device simulate --method-response-code --method-response-payload` does.
public struct MethodBehaviour: Sendable, Equatable {
    /// The status the device returns; the invoker sees it as `status`.
    public let status: Int
    /// The payload template as written; `$.MethodName`, `$.MethodRequestId` and
    /// `$.MethodPayload` (the request's payload, typed) may be used besides the variables.
    public let payload: JSONValue
    let payloadTemplate: ValueTemplate

    /// Reads `{"status": 200, "payload": ...}`; both optional (200 and `null`).
    init(_ field: DefinitionField, names: Set<String>) throws(SimulationError) {
        _ = try field.allowingOnly(["status", "payload"])
        status = try field.member("status")?.integer(in: 100...999) ?? 200
        let payloadField = field.member("payload") ?? DefinitionField(value: .null, path: field.path + ".payload")
        payload = payloadField.value
        payloadTemplate = try ValueTemplate(payloadField, names: names)
    }
}

/// What a simulated device does with its twin.
public struct TwinBehaviour: Sendable, Equatable {
    /// Reports each desired property it receives (without the service's `$` members), as
    /// `az iot device simulate` and the lab devices that acknowledge a setting do.
    public let reportsDesired: Bool
    /// With `reportsDesired`, also reports at start the desired properties set while the device
    /// was offline, as a device that reads its twin when it connects does (the lab devices);
    /// `az iot device simulate` does not.
    public let reportsDesiredAtStart: Bool
    /// Reported properties patched once when the device connects
    /// (`az iot device simulate --init-reported-properties`).
    public let initialReported: JSONObject?

    /// A device that leaves its twin alone.
    public static let none = TwinBehaviour(reportsDesired: false, reportsDesiredAtStart: false, initialReported: nil)

    public init(reportsDesired: Bool, reportsDesiredAtStart: Bool, initialReported: JSONObject?) {
        self.reportsDesired = reportsDesired
        self.reportsDesiredAtStart = reportsDesired && reportsDesiredAtStart
        self.initialReported = initialReported
    }

    /// Reads `{"reportDesired": true, "reportDesiredAtStart": true, "initialReported": {...}}`.
    init(_ field: DefinitionField) throws(SimulationError) {
        _ = try field.allowingOnly(["reportDesired", "reportDesiredAtStart", "initialReported"])
        self.init(
            reportsDesired: try field.member("reportDesired")?.bool() ?? false,
            reportsDesiredAtStart: try field.member("reportDesiredAtStart")?.bool() ?? true,
            initialReported: try field.member("initialReported")?.object())
    }
}

/// How a simulated device settles each cloud-to-device message it receives: the
/// `--receive-settle` choices of `az iot device simulate`.
public enum CloudToDeviceSettlement: String, Sendable, CaseIterable {
    /// Done with the message; the hub removes it (and sends positive feedback if asked).
    case complete
    /// Put it back in the queue to be delivered again (counting a delivery).
    case abandon
    /// Dead-letter it (negative feedback if asked).
    case reject
}
