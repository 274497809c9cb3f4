import JSONValue

/// Why a registration attempt ended as it did: the journal records one for every attempt, so a
/// learner can see which enrollment matched, which hubs were candidates, which policy chose, and
/// why a device was refused (a device itself only ever hears `401002 Unauthorized`).
public struct RegistrationTrace: Sendable, Equatable {
    /// `individual:{registrationId}` or `group:{enrollmentGroupId}`, once one matched.
    public var enrollment: String?
    /// Host names of the hubs the policy chose among.
    public var candidateHubs: [String] = []
    /// The allocation policy that chose, once allocation ran.
    public var allocationPolicy: AllocationPolicy?
    public var assignedHub: String?
    /// Why the attempt failed or was refused; `nil` when the device was assigned.
    public var refusal: String?
    /// Each decision in order, in words.
    public var steps: [String] = []

    public init() {}

    public mutating func note(_ step: String) { steps.append(step) }

    /// The trace as the journal event's `trace` member.
    public var json: JSONValue {
        var object: JSONObject = [:]
        object["enrollment"] = enrollment.map(JSONValue.string) ?? .null
        object["candidateHubs"] = .array(candidateHubs.map(JSONValue.string))
        object["allocationPolicy"] = allocationPolicy.map { .string($0.rawValue) } ?? .null
        object["assignedHub"] = assignedHub.map(JSONValue.string) ?? .null
        object["refusal"] = refusal.map(JSONValue.string) ?? .null
        object["steps"] = .array(steps.map(JSONValue.string))
        return .object(object)
    }
}
