import Foundation

/// Where a workspace lives on disk: `$IOTLAB_HOME`, by default `~/.local/share/iotlab`.
///
/// One folder holds everything a running `iotlab` owns: the database, the control socket other
/// `iotlab` processes forward to, the lock that makes one process the only writer, and logs
/// (which never go to the screen).
public struct WorkspaceHome: Sendable, Equatable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// `IOTLAB_HOME` when set and not empty, else `$HOME/.local/share/iotlab` (the XDG data
    /// folder's default), else the same under the user's home folder as Foundation knows it.
    /// A leading `~/` in `IOTLAB_HOME` means that home folder, for values a shell left unexpanded.
    public init(environment: [String: String]) {
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let userFolder = URL(fileURLWithPath: user, isDirectory: true)
        switch environment["IOTLAB_HOME"] {
        case let home? where home == "~" || home.hasPrefix("~/"):
            self.init(folder: userFolder.appendingPathComponent(String(home.dropFirst(2)), isDirectory: true))
        case let home? where !home.isEmpty:
            self.init(folder: URL(fileURLWithPath: home, isDirectory: true))
        default:
            self.init(folder: userFolder.appendingPathComponent(".local/share/iotlab", isDirectory: true))
        }
    }

    public var databaseURL: URL { folder.appendingPathComponent("workspace.sqlite") }
    public var controlSocketURL: URL { folder.appendingPathComponent("control.sock") }
    public var lockURL: URL { folder.appendingPathComponent("workspace.lock") }
    public var logsFolder: URL { folder.appendingPathComponent("logs", isDirectory: true) }
    /// Where storage container endpoints write their blobs: `blobs/<account>/<container>/<blob>`.
    public var blobsFolder: URL { folder.appendingPathComponent("blobs", isDirectory: true) }

    /// Creates the folder and its logs folder if missing. New folders are private to the user
    /// (0700): the workspace holds device keys and shared access policies.
    public func createIfNeeded() throws {
        for url in [folder, logsFolder] {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }
}
