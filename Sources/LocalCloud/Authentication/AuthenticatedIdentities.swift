import HubEngine

/// A device or module whose credentials a hub accepted: the hub to open its session on and the
/// sender its messages carry (`iothub-connection-auth-method` comes from `sender.authentication`).
public struct AuthenticatedDevice: Sendable {
    public let hubName: String
    public let hub: IoTHub
    public let sender: MessageSender
}

/// A service client whose policy token a hub accepted, with the rights the policy grants.
public struct AuthenticatedService: Sendable {
    public let hubName: String
    public let hub: IoTHub
    public let policyName: String
    public let rights: Set<SharedAccessPolicy.Right>
}
