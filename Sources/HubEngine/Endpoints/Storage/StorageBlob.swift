import AvroEncoding

/// The bytes of one storage blob: a batch of routed messages in the endpoint's encoding.
enum StorageBlob {
    /// Avro batches are object-container files of `IoTHubAvro.messageSchema` (uncompressed, also
    /// for `avroDeflate`); JSON batches are one `StorageRecord` JSON object per line.
    static func encode(_ messages: [HubMessage], as encoding: StorageTarget.Encoding) throws -> [UInt8] {
        switch encoding {
        case .jsonLines:
            return Array(messages.map { StorageRecord($0).jsonLine + "\n" }.joined().utf8)
        case .avro, .avroDeflate:
            var writer = try AvroContainerWriter(schema: IoTHubAvro.messageSchema)
            for message in messages {
                let record = StorageRecord(message)
                try writer.append(
                    IoTHubAvroMessage(
                        enqueuedTimeUtc: record.enqueuedTimeUtc, properties: record.properties,
                        systemProperties: record.systemProperties, body: record.body
                    ).record)
            }
            return writer.fileBytes()
        }
    }
}
