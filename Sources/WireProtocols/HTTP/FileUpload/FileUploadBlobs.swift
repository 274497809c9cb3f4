import HubEngine

/// The blob side of file upload: writes each uploaded blob to the store and remembers its size
/// until the device reports the upload, since Azure's notification carries `blobSizeInBytes`.
///
/// Sizes are kept in memory, as the hub keeps its open uploads: after a restart a device asks
/// for a new upload URI anyway.
actor FileUploadBlobs {
    private let store: any BlobStore
    private var sizes: [String: Int] = [:]

    init(store: any BlobStore) {
        self.store = store
    }

    /// Writes (or replaces) the upload's blob.
    func write(_ data: [UInt8], for upload: FileUploadTarget) throws {
        try store.write(account: upload.storageAccount, container: upload.containerName, blob: upload.blobName, data: data)
        sizes[upload.correlationId] = data.count
    }

    /// The size of the blob written for `correlationId`, forgotten once read; 0 when none was.
    func takeSize(of correlationId: String) -> Int {
        sizes.removeValue(forKey: correlationId) ?? 0
    }
}
