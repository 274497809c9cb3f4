/// Read access to a workspace, handed to the closure of `Workspace.read(_:)`; its methods are
/// `WorkspaceReading`'s.
///
/// Valid only inside that closure: it borrows the connection, and everything it reads comes from
/// one consistent snapshot.
public struct WorkspaceReader: WorkspaceReading {
    public let connection: WorkspaceConnection
}
