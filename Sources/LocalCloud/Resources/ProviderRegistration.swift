import JSONValue

/// A resource provider's registration state (`az provider register|show|list`).
///
/// Lab scripts register `Microsoft.Devices` and friends before creating resources; locally
/// registration completes at once.
public struct ProviderRegistration: Sendable, Equatable {
    public let namespace: String
    public var isRegistered: Bool

    /// The shape `az provider show` prints.
    public func json(in subscription: Subscription) -> JSONValue {
        [
            "id": .string("\(subscription.resourceIDPrefix)/providers/\(namespace)"),
            "namespace": .string(namespace),
            "registrationPolicy": "RegistrationRequired",
            "registrationState": isRegistered ? "Registered" : "NotRegistered",
            "resourceTypes": [],
        ]
    }
}
