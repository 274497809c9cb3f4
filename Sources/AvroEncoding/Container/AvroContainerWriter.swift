/// Builds an Avro object container file: the header, then blocks of records each followed by the
/// sync marker, as IoT Hub's storage endpoint writes a batch of routed messages.
///
/// Records are validated and encoded as they are appended, so a bad record is refused at once and
/// `fileBytes()` is cheap. The header holds `avro.codec` (`null`) then `avro.schema`, in the order
/// IoT Hub writes them.
public struct AvroContainerWriter: Sendable {
    /// The schema every record is written with, as the header declares it.
    public let schema: AvroSchema
    /// The 16 bytes that end the header and every block, letting readers find block boundaries.
    public let syncMarker: [UInt8]
    /// How many records a block holds before a new one starts.
    public let recordsPerBlock: Int

    private let header: [UInt8]
    private var closedBlocks: [UInt8] = []
    private var openBlock = AvroBinaryEncoder()
    private var openBlockCount = 0
    /// How many records have been appended.
    public private(set) var recordCount = 0

    /// Starts an empty file.
    /// - Parameters:
    ///   - syncMarker: 16 bytes; random when `nil`. Tests pass a fixed marker for exact bytes.
    ///   - recordsPerBlock: at least 1; Avro readers read a block at a time, so large batches are
    ///     split rather than held in one block.
    /// - Throws: `invalidSchema` for a schema that breaks Avro's rules, `invalidSyncMarker` for a
    ///   marker that is not 16 bytes.
    public init(schema: AvroSchema, syncMarker: [UInt8]? = nil, recordsPerBlock: Int = 1000) throws(AvroError) {
        try schema.validate()
        let marker = syncMarker ?? (0..<AvroContainerFormat.syncMarkerSize).map { _ in UInt8.random(in: .min ... .max) }
        guard marker.count == AvroContainerFormat.syncMarkerSize else { throw .invalidSyncMarker(byteCount: marker.count) }
        self.schema = schema
        self.syncMarker = marker
        self.recordsPerBlock = max(1, recordsPerBlock)

        var encoder = AvroBinaryEncoder()
        encoder.writeRaw(AvroContainerFormat.magic)
        let metadata: AvroValue = .map([
            AvroContainerFormat.codecKey: .bytes(Array(AvroContainerFormat.nullCodec.utf8)),
            AvroContainerFormat.schemaKey: .bytes(Array(schema.jsonText.utf8)),
        ])
        try encoder.write(metadata, as: AvroContainerFormat.metadataSchema)
        encoder.writeRaw(marker)
        header = encoder.bytes
    }

    /// Appends one record, checked against the schema; a refused record leaves the file unchanged.
    public mutating func append(_ record: AvroValue) throws(AvroError) {
        let start = openBlock.bytes.count
        do {
            try openBlock.write(record, as: schema)
        } catch {
            openBlock.truncate(to: start)
            throw error
        }
        openBlockCount += 1
        recordCount += 1
        if openBlockCount == recordsPerBlock { closeBlock() }
    }

    /// The complete file: header, the full blocks, and the records not yet in a full block as a
    /// last, shorter block. A file with no records is a header alone, which readers accept.
    public func fileBytes() -> [UInt8] {
        header + blockBytes()
    }

    /// The blocks alone, without the header: what to append to an existing file to add these
    /// records to it, as Avro's append mode does. The existing file must have been written with
    /// the same schema and the same sync marker (pass its `AvroContainerReader.syncMarker`), so a
    /// storage endpoint can add each batch to its open blob instead of holding a whole chunk in memory.
    public func blockBytes() -> [UInt8] {
        closedBlocks + Self.block(count: openBlockCount, records: openBlock.bytes, syncMarker: syncMarker)
    }

    /// The size `fileBytes()` has now, without building it: the storage endpoint compares it with
    /// the endpoint's chunk size (10–500 MB) to decide when to start a new blob.
    public var byteCount: Int {
        guard openBlockCount > 0 else { return header.count + closedBlocks.count }
        return header.count + closedBlocks.count
            + Self.blockPrefix(count: openBlockCount, byteSize: openBlock.bytes.count).count
            + openBlock.bytes.count + syncMarker.count
    }

    private mutating func closeBlock() {
        closedBlocks.append(contentsOf: Self.block(count: openBlockCount, records: openBlock.bytes, syncMarker: syncMarker))
        openBlock = AvroBinaryEncoder()
        openBlockCount = 0
    }

    /// A block: record count, byte size, the records, the sync marker; nothing for no records.
    private static func block(count: Int, records: [UInt8], syncMarker: [UInt8]) -> [UInt8] {
        guard count > 0 else { return [] }
        return blockPrefix(count: count, byteSize: records.count) + records + syncMarker
    }

    private static func blockPrefix(count: Int, byteSize: Int) -> [UInt8] {
        var encoder = AvroBinaryEncoder()
        encoder.writeLong(Int64(count))
        encoder.writeLong(Int64(byteSize))
        return encoder.bytes
    }
}
