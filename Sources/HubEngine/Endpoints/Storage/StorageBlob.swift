/// The bytes of one storage blob: a batch of routed messages in the endpoint's encoding.
enum StorageBlob {
    /// - Throws: `EndpointError.encodingUnavailable` for Avro until HubEngine can use AvroEncoding.
    static func encode(_ messages: [HubMessage], as encoding: StorageTarget.Encoding) throws -> [UInt8] {
        switch encoding {
        case .jsonLines:
            return Array(messages.map { StorageRecord($0).jsonLine + "\n" }.joined().utf8)
        case .avro, .avroDeflate:
            throw EndpointError.encodingUnavailable(encoding: encoding == .avro ? "avro" : "avroDeflate")
        }
    }
}
