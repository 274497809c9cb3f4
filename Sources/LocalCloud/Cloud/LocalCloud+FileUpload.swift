import HubEngine

extension LocalCloud {
    /// The hub and upload a blob write belongs to, for the lab's blob endpoint: the container,
    /// blob and SAS signature must be those one hub handed out and still open.
    public func blobUpload(containerName: String, blobName: String, signature: String) async -> (hub: IoTHub, target: FileUploadTarget)? {
        for hub in engines.values {
            if let target = await hub.authorizeBlobUpload(containerName: containerName, blobName: blobName, signature: signature) {
                return (hub, target)
            }
        }
        return nil
    }
}
