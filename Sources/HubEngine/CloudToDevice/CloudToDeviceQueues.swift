import WorkspaceStore

/// Every device's cloud-to-device queue (filled in by the C2D work).
struct CloudToDeviceQueues: Sendable {
    init(workspace: Workspace, scope: String) throws {}
}
