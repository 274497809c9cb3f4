/// The fixed parts of Avro's object container file format, shared by the writer and the reader.
enum AvroContainerFormat {
    /// `Obj` followed by the format version 1.
    static let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]
    static let syncMarkerSize = 16
    static let schemaKey = "avro.schema"
    static let codecKey = "avro.codec"
    /// The only codec written: blocks are stored uncompressed.
    static let nullCodec = "null"
    /// File metadata is a map of bytes.
    static let metadataSchema = AvroSchema.map(values: .bytes)
}
