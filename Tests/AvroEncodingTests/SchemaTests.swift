import Testing
import AvroEncoding

@Suite struct SchemaTests {
    static let azureMessageSchemaText = #"{"type":"record","name":"Message","namespace":"Microsoft.Azure.Devices","fields":[{"name":"EnqueuedTimeUtc","type":"string"},{"name":"Properties","type":{"type":"map","values":"string"}},{"name":"SystemProperties","type":{"type":"map","values":"string"}},{"name":"Body","type":["null","bytes"]}]}"#

    @Test func ioTHubSchemaPrintsAsAzureWritesIt() {
        #expect(IoTHubAvro.messageSchema.jsonText == Self.azureMessageSchemaText)
    }

    @Test func ioTHubSchemaParsesBackToTheSameSchema() throws {
        #expect(try AvroSchema(parsing: Self.azureMessageSchemaText) == IoTHubAvro.messageSchema)
    }

    @Test func primitivesParseFromNamesAndObjects() throws {
        #expect(try AvroSchema(parsing: #""long""#) == .long)
        #expect(try AvroSchema(parsing: #"{"type":"string","logicalType":"uuid"}"#) == .string)
        #expect(try AvroSchema(parsing: #"{"type":"array","items":{"type":"map","values":["null","double"]}}"#)
            == .array(items: .map(values: .union([.null, .double]))))
    }

    @Test func aRecordUsedTwiceIsWrittenOnceThenByName() throws {
        let point = AvroSchema.record(AvroRecordSchema(name: "Point", namespace: "geo", fields: [AvroField(name: "x", type: .double)]))
        let line = AvroSchema.record(AvroRecordSchema(name: "Line", namespace: "geo", fields: [
            AvroField(name: "from", type: point), AvroField(name: "to", type: point),
        ]))
        #expect(line.jsonText == #"{"type":"record","name":"Line","namespace":"geo","fields":[{"name":"from","type":{"type":"record","name":"Point","fields":[{"name":"x","type":"double"}]}},{"name":"to","type":"geo.Point"}]}"#)
        #expect(try AvroSchema(parsing: line.jsonText) == line)
    }

    @Test func simpleNameReferencesResolveInTheEnclosingNamespace() throws {
        let text = #"{"type":"record","name":"Pair","namespace":"lab","fields":[{"name":"a","type":{"type":"record","name":"Cell","fields":[]}},{"name":"b","type":"Cell"}]}"#
        let cell = AvroSchema.record(AvroRecordSchema(name: "Cell", namespace: "lab", fields: []))
        #expect(try AvroSchema(parsing: text) == .record(AvroRecordSchema(name: "Pair", namespace: "lab", fields: [
            AvroField(name: "a", type: cell), AvroField(name: "b", type: cell),
        ])))
    }

    @Test func aNestedRecordWithoutNamespaceKeepsItsOwnName() throws {
        let inner = AvroSchema.record(AvroRecordSchema(name: "Inner", fields: []))
        let outer = AvroSchema.record(AvroRecordSchema(name: "Outer", namespace: "lab", fields: [AvroField(name: "i", type: inner)]))
        #expect(outer.jsonText.contains(#""name":"Inner","namespace":"""#))
        #expect(try AvroSchema(parsing: outer.jsonText) == outer)
    }

    @Test func aRecordWithoutNamespaceCannotBeReusedInsideANamespace() {
        let point = AvroSchema.record(AvroRecordSchema(name: "Point", fields: [AvroField(name: "x", type: .double)]))
        let line = AvroSchema.record(AvroRecordSchema(name: "Line", namespace: "geo", fields: [
            AvroField(name: "from", type: point), AvroField(name: "to", type: point),
        ]))
        #expect(throws: AvroError.invalidSchema(
            path: "to", reason: "record 'Point' has no namespace and cannot be referenced inside namespace 'geo'")
        ) {
            try line.validate()
        }
    }

    @Test func anUnknownTypeNameIsRefused() {
        #expect(throws: AvroError.invalidSchema(path: "when", reason: "unknown type 'timestamp'")) {
            try AvroSchema(parsing: #"{"type":"record","name":"R","fields":[{"name":"when","type":"timestamp"}]}"#)
        }
    }

    @Test func enumAndFixedAreRefusedAsUnsupported() {
        #expect(throws: AvroError.invalidSchema(path: "", reason: "type 'enum' is not supported")) {
            try AvroSchema(parsing: #"{"type":"enum","name":"E","symbols":["A"]}"#)
        }
    }

    @Test func schemaTextThatIsNotJSONIsRefused() {
        #expect(throws: AvroError.invalidSchema(path: "", reason: "not JSON: line 1, column 2: expected a member name in double quotes")) {
            try AvroSchema(parsing: "{")
        }
    }

    @Test func aRecordWithoutFieldsIsRefused() {
        #expect(throws: AvroError.invalidSchema(path: "", reason: "a record needs a 'fields' array")) {
            try AvroSchema(parsing: #"{"type":"record","name":"R"}"#)
        }
    }

    @Test func namesMustFollowAvrosRule() {
        #expect(throws: AvroError.invalidSchema(path: "", reason: "record name '1st' must match [A-Za-z_][A-Za-z0-9_]*")) {
            try AvroSchema.record(AvroRecordSchema(name: "1st", fields: [])).validate()
        }
        #expect(throws: AvroError.invalidSchema(path: "temp-c", reason: "field name 'temp-c' must match [A-Za-z_][A-Za-z0-9_]*")) {
            try AvroSchema.record(AvroRecordSchema(name: "R", fields: [AvroField(name: "temp-c", type: .double)])).validate()
        }
        #expect(throws: AvroError.invalidSchema(path: "", reason: "namespace 'a..b' must be dotted names matching [A-Za-z_][A-Za-z0-9_]*")) {
            try AvroSchema.record(AvroRecordSchema(name: "R", namespace: "a..b", fields: [])).validate()
        }
    }

    @Test func fieldNamesMustBeUnique() {
        #expect(throws: AvroError.invalidSchema(path: "a", reason: "field names must be unique in a record")) {
            try AvroSchema.record(AvroRecordSchema(name: "R", fields: [AvroField(name: "a", type: .int), AvroField(name: "a", type: .long)])).validate()
        }
    }

    @Test func unionsFollowAvrosRules() {
        #expect(throws: AvroError.invalidSchema(path: "<1>", reason: "a union may not directly contain a union")) {
            try AvroSchema.union([.null, .union([.int])]).validate()
        }
        #expect(throws: AvroError.invalidSchema(path: "<2>", reason: "a union may not hold two branches of type map")) {
            try AvroSchema.union([.map(values: .int), .string, .map(values: .long)]).validate()
        }
        #expect(throws: AvroError.invalidSchema(path: "", reason: "a union needs at least one branch")) {
            try AvroSchema.union([]).validate()
        }
    }

    @Test func aNameDefinedTwiceDifferentlyIsRefused() {
        let first = AvroSchema.record(AvroRecordSchema(name: "P", fields: [AvroField(name: "x", type: .int)]))
        let second = AvroSchema.record(AvroRecordSchema(name: "P", fields: [AvroField(name: "y", type: .int)]))
        let pair = AvroSchema.record(AvroRecordSchema(name: "Pair", fields: [
            AvroField(name: "a", type: first), AvroField(name: "b", type: second),
        ]))
        #expect(throws: AvroError.invalidSchema(path: "b", reason: "the name 'P' is defined twice differently")) {
            try pair.validate()
        }
    }

    @Test func aNameDefinedTwiceInJSONIsRefused() {
        // Even identically: after the first definition, the name must be used as a reference.
        let cell = #"{"type":"record","name":"Cell","fields":[]}"#
        let text = #"{"type":"record","name":"Row","fields":[{"name":"a","type":\#(cell)},{"name":"b","type":\#(cell)}]}"#
        #expect(throws: AvroError.invalidSchema(path: "b", reason: "the name 'Cell' is defined twice")) {
            try AvroSchema(parsing: text)
        }
    }

    @Test func aFieldWithoutTypeIsRefusedNamingTheField() {
        #expect(throws: AvroError.invalidSchema(path: "Body", reason: "a field needs a 'type'")) {
            try AvroSchema(parsing: #"{"type":"record","name":"M","fields":[{"name":"Body"}]}"#)
        }
        #expect(AvroError.invalidSchema(path: "Body", reason: "a field needs a 'type'").description
            == "AvroSchemaInvalid: Body: a field needs a 'type'")
    }

    @Test func aDottedRecordNameCarriesItsNamespace() throws {
        #expect(try AvroSchema(parsing: #"{"type":"record","name":"Microsoft.Azure.Devices.Message","namespace":"ignored","fields":[]}"#)
            == .record(AvroRecordSchema(name: "Message", namespace: "Microsoft.Azure.Devices", fields: [])))
    }
}
