import IoTQuery
import JSONValue
import Testing

@Suite struct PathIndexTests {
    @Test func findsEqualityConjunctsOnly() throws {
        let query = try TwinQuery("SELECT * FROM devices WHERE tags.a = 'x' AND 3 = tags.b AND tags.c IN [1, 2] AND (tags.d = 1 OR tags.e = 2) AND tags.f NIN [1] AND tags.g != 1")
        #expect(query.requiredEqualities == [
            QueryEquality(path: PropertyPath(["tags", "a"]), values: ["x"]),
            QueryEquality(path: PropertyPath(["tags", "b"]), values: [3]),
            QueryEquality(path: PropertyPath(["tags", "c"]), values: [1, 2]),
        ])
        #expect(try TwinQuery("SELECT * FROM devices WHERE NOT tags.a = 'x'").requiredEqualities.isEmpty)
        #expect(try TwinQuery("SELECT * FROM devices").requiredEqualities.isEmpty)
    }

    @Test func keysValuesAsEqualityComparesThem() {
        var index = PathIndex(path: PropertyPath(["tags", "v"]))
        index.update(id: "int", document: ["tags": ["v": 43]])
        index.update(id: "double", document: ["tags": ["v": 43.0]])
        index.update(id: "string", document: ["tags": ["v": "43"]])
        index.update(id: "object", document: ["tags": ["v": ["x": 1]]])
        index.update(id: "missing", document: ["tags": [:]])
        #expect(index.candidates(matching: [43]) == ["int", "double"])
        #expect(index.candidates(matching: ["43"]) == ["string"])
        #expect(index.candidates(matching: [43, "43"]) == ["int", "double", "string"])
        #expect(index.candidates(matching: [["x": 1]]).isEmpty)
    }

    @Test func updatesMoveAndRemoveDocuments() {
        var index = PathIndex(path: PropertyPath(["status"]))
        index.update(id: "d1", document: ["status": "enabled"])
        index.update(id: "d2", document: ["status": "enabled"])
        index.update(id: "d1", document: ["status": "disabled"])
        index.update(id: "d2", document: nil)
        #expect(index.candidates(matching: ["enabled"]).isEmpty)
        #expect(index.candidates(matching: ["disabled"]) == ["d1"])
    }
}
