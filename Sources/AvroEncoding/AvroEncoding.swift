// The AvroEncoding module; see docs/architecture.md.
