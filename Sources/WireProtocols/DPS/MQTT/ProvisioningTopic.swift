import IoTSecurity

/// What a device publishes to DPS (reference §6): the register request
/// `$dps/registrations/PUT/iotdps-register/?$rid={rid}` and the status poll
/// `$dps/registrations/GET/iotdps-get-operationstatus/?$rid={rid}&operationId={id}`.
enum ProvisioningPublishTopic: Equatable {
    case register(requestId: String)
    case operationStatus(requestId: String, operationId: String)

    /// `nil` for any other topic, or one without a `$rid` (the answer must carry it back).
    init?(_ topic: String) {
        let path = topic.prefix { $0 != "?" }
        let query = TopicQuery.of(Substring(topic))
        guard let requestId = query["$rid"], !requestId.isEmpty else { return nil }
        switch path.lowercased() {
        case "$dps/registrations/put/iotdps-register/", "$dps/registrations/put/iotdps-register":
            self = .register(requestId: requestId)
        case "$dps/registrations/get/iotdps-get-operationstatus/", "$dps/registrations/get/iotdps-get-operationstatus":
            guard let operationId = query["operationId"], !operationId.isEmpty else { return nil }
            self = .operationStatus(requestId: requestId, operationId: operationId)
        default:
            return nil
        }
    }

    var requestId: String {
        switch self {
        case .register(let requestId), .operationStatus(let requestId, _): requestId
        }
    }
}

/// The topic filter a DPS client subscribes to before it registers.
enum ProvisioningSubscription {
    static let responses = "$dps/registrations/res/#"
}

/// The topic of a DPS answer: `$dps/registrations/res/{status}/?$rid={rid}[&retry-after={n}]`.
///
/// The Python SDK splits the topic on `$` (reference §6), so the only `$` may be the two in
/// `$dps` and `$rid`: the request id is percent-encoded (a `$` in it becomes `%24`), and
/// `retry-after` is a whole number of seconds, which `int(x, 10)` accepts; anything else makes
/// `register()` hang forever.
struct ProvisioningResponseTopic: Equatable {
    let status: Int
    let requestId: String
    let retryAfterSeconds: Int?

    var topic: String {
        var topic = "$dps/registrations/res/\(status)/?$rid=\(PercentEncoding.encode(requestId))"
        if let retryAfterSeconds { topic += "&retry-after=\(max(0, retryAfterSeconds))" }
        return topic
    }
}
