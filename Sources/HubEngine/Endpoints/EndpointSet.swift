import WorkspaceStore

/// The built-in `events` endpoint and the custom endpoints' writers (filled in by the endpoints work).
struct EndpointSet: Sendable {
    init(workspace: Workspace, scope: String) throws {}
}
