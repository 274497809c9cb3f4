extension AvroValue {
    /// The value in Avro's binary encoding, with no header: the form of one record inside a
    /// container block. Throws `valueMismatch` naming the path when the value does not fit.
    public func encoded(as schema: AvroSchema) throws(AvroError) -> [UInt8] {
        var encoder = AvroBinaryEncoder()
        try encoder.write(self, as: schema)
        return encoder.bytes
    }

    /// Reads one value of `schema` from `bytes`, which must hold exactly that value.
    public init(decoding bytes: [UInt8], as schema: AvroSchema) throws(AvroError) {
        var decoder = AvroBinaryDecoder(bytes: bytes)
        self = try decoder.read(schema)
        guard decoder.isAtEnd else { throw decoder.failure("\(decoder.remaining) bytes follow the value") }
    }
}
