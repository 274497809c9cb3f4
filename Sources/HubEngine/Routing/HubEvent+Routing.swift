extension HubEvent {
    /// `MessageRouted`: where a message went and the trace of every route considered.
    static func messageRouted(_ decision: RoutingDecision) -> HubEvent {
        let subject = decision.moduleId.map { decision.deviceId + "/" + $0 } ?? decision.deviceId
        return .messaging(kind: "MessageRouted", subject: subject, payload: decision.json)
    }
}
