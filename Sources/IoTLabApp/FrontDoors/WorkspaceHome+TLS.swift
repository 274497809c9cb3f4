import Foundation
import WorkspaceStore

extension WorkspaceHome {
    /// `$IOTLAB_HOME/tls`: the workspace's own CA (`ca.pem`, the file learners trust) and the
    /// front doors' server certificate.
    public var tlsFolder: URL { folder.appendingPathComponent("tls", isDirectory: true) }
}
