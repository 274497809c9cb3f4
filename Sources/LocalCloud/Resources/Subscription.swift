/// The local stand-in for an Azure subscription: the id that resource ids are built from.
///
/// Generated once per workspace, so ids stay stable across restarts as they do in Azure.
public struct Subscription: Sendable, Equatable {
    public let id: String
    public let displayName: String

    /// The resource id prefix every resource of this subscription shares.
    public var resourceIDPrefix: String { "/subscriptions/\(id)" }

    func resourceGroupID(_ group: String) -> String { "\(resourceIDPrefix)/resourceGroups/\(group)" }
}
