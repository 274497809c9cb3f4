import Foundation

/// Where a storage container routing endpoint writes its blobs.
///
/// The hub is given one (`nil` means storage endpoints keep their batches pending): the
/// application writes files under the workspace with `FileBlobStore`, a test can use a folder
/// of its own, and a later Azurite-style blob service can implement the same call.
public protocol BlobStore: Sendable {
    /// Writes (or replaces) one blob.
    /// - Parameters:
    ///   - account: the storage account named by the endpoint's connection string.
    ///   - container: the endpoint's container.
    ///   - blob: the blob name made from the endpoint's file name format.
    func write(account: String, container: String, blob: String, data: [UInt8]) throws
}

/// Blobs as files: `<root>/<account>/<container>/<blob>`, the blob name's `/` making folders,
/// so a learner opens what a route wrote with any file browser or Avro reader.
public struct FileBlobStore: BlobStore {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The file a blob is written to.
    public func url(account: String, container: String, blob: String) -> URL {
        blob.split(separator: "/").reduce(root.appendingPathComponent(account).appendingPathComponent(container)) {
            $0.appendingPathComponent(String($1))
        }
    }

    /// Writes the file atomically (a reader never sees half a blob), creating its folders.
    public func write(account: String, container: String, blob: String, data: [UInt8]) throws {
        let file = url(account: account, container: container, blob: blob)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(data).write(to: file, options: .atomic)
    }
}
