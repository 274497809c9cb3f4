/// The built-in Event Hub-compatible endpoint's settings as Resource Manager holds them
/// (filled in by the endpoints work).
public struct EventHubSettings: Sendable, Equatable {
    public init() {}
}
