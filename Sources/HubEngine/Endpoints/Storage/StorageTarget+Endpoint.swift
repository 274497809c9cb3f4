import Foundation

extension StorageTarget {
    /// The writer's view of a storage container endpoint from the hub's routing.
    init(_ endpoint: StorageContainerEndpoint) {
        let encoding: Encoding =
            switch endpoint.encoding {
            case .avro: .avro
            case .avroDeflate: .avroDeflate
            case .json: .jsonLines
            }
        self.init(
            name: endpoint.name,
            account: Self.accountName(connectionString: endpoint.connectionString, endpointUri: endpoint.endpointUri),
            container: endpoint.containerName, fileNameFormat: endpoint.fileNameFormat,
            batchFrequency: TimeInterval(endpoint.batchFrequencyInSeconds), maxChunkBytes: endpoint.maxChunkSizeInBytes,
            encoding: encoding)
    }
}
