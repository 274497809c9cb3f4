import JSONValue

extension HubEvent {
    /// `MessageRouted`: where a message went, which routes took it and why any route could not
    /// be evaluated. Kept compact because one is written with every message; the full trace with
    /// the values each condition read is in `recentRoutingDecisions` and the route tester.
    static func messageRouted(_ decision: RoutingDecision) -> HubEvent {
        let subject = decision.moduleId.map { decision.deviceId + "/" + $0 } ?? decision.deviceId
        var payload: JSONObject = ["source": .string(decision.source.rawValue)]
        if let messageId = decision.messageId { payload["messageId"] = .string(messageId) }
        payload["endpoints"] = .array(decision.endpoints.map(JSONValue.string))
        payload["matchedRoutes"] = .array(decision.routes.filter(\.matched).map { .string($0.name) })
        payload["fallbackApplied"] = .bool(decision.fallbackApplied)
        var errors: JSONObject = [:]
        for route in decision.routes {
            if let error = route.evaluation?.error { errors[route.name] = .string(error) }
        }
        if !errors.isEmpty { payload["errors"] = .object(errors) }
        return .messaging(kind: "MessageRouted", subject: subject, payload: .object(payload))
    }
}
