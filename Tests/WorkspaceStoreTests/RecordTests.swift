import Foundation
import Testing
import WorkspaceStore

private struct EngineRefused: Error, Equatable {}

@Suite struct RecordTests {
    private func body(_ text: String) -> Data { Data(text.utf8) }

    /// A workspace holding one record per "scope/collection/key" path, its key as body.
    private func workspace(holding paths: String...) throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            for path in paths {
                let parts = path.split(separator: "/").map(String.init)
                try writer.put(scope: parts[0], collection: parts[1], key: parts[2], body: body(parts[2]))
            }
        }
        return workspace
    }

    private func paths(_ workspace: Workspace) throws -> [String] {
        try workspace.allRecords().map { "\($0.scope)/\($0.collection)/\($0.key)" }
    }

    @Test func putThenReadReturnsTheSameBytes() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.put(scope: "hub-1", collection: "devices", key: "d1", body: body(#"{"a":1}"#)) }
        let read = try workspace.read { try $0.record(scope: "hub-1", collection: "devices", key: "d1") }
        #expect(read == body(#"{"a":1}"#))
    }

    @Test func unknownKeyReadsAsNil() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.put(scope: "hub-1", collection: "devices", key: "d1", body: body("{}")) }
        #expect(try workspace.read { try $0.record(scope: "hub-1", collection: "devices", key: "d2") } == nil)
        #expect(try workspace.read { try $0.record(scope: "hub-1", collection: "twins", key: "d1") } == nil)
        #expect(try workspace.read { try $0.record(scope: "hub-2", collection: "devices", key: "d1") } == nil)
    }

    @Test func putReplacesTheBody() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.put(scope: "h", collection: "c", key: "k", body: body("1")) }
        try workspace.write { try $0.put(scope: "h", collection: "c", key: "k", body: body("2")) }
        #expect(try workspace.allRecords() == [StoredRecord(scope: "h", collection: "c", key: "k", body: body("2"))])
    }

    @Test func emptyAndBinaryBodiesRoundTrip() throws {
        let workspace = try Workspace.inMemory()
        let binary = Data([0, 255, 0, 10, 13])
        try workspace.write { writer in
            try writer.put(scope: "h", collection: "c", key: "empty", body: Data())
            try writer.put(scope: "h", collection: "c", key: "binary", body: binary)
        }
        #expect(try workspace.read { try $0.record(scope: "h", collection: "c", key: "empty") } == Data())
        #expect(try workspace.read { try $0.record(scope: "h", collection: "c", key: "binary") } == binary)
    }

    @Test func recordsListOneCollectionOrderedByKey() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            for key in ["b", "a", "c"] { try writer.put(scope: "h", collection: "devices", key: key, body: body(key)) }
            try writer.put(scope: "h", collection: "twins", key: "a", body: body("twin"))
            try writer.put(scope: "other", collection: "devices", key: "a", body: body("other"))
        }
        let devices = try workspace.read { try $0.records(scope: "h", collection: "devices") }
        #expect(devices.map(\.key) == ["a", "b", "c"])
        #expect(devices.allSatisfy { $0.scope == "h" && $0.collection == "devices" && $0.body == body($0.key) })
    }

    @Test func aWriteSeesItsOwnChangesBeforeCommit() throws {
        let workspace = try Workspace.inMemory()
        let seen = try workspace.write { writer in
            try writer.put(scope: "h", collection: "c", key: "k", body: body("x"))
            return try writer.record(scope: "h", collection: "c", key: "k")
        }
        #expect(seen == body("x"))
    }

    @Test func aThrowingWriteLeavesNothing() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.put(scope: "h", collection: "c", key: "kept", body: body("1")) }
        #expect(throws: EngineRefused()) {
            try workspace.write { writer in
                try writer.put(scope: "h", collection: "c", key: "kept", body: body("changed"))
                try writer.put(scope: "h", collection: "c", key: "new", body: body("2"))
                try writer.append(JournalDraft(time: Date(), kind: "DeviceCreated", scope: "h", subject: "new", payload: Data()))
                throw EngineRefused()
            }
        }
        #expect(try workspace.allRecords() == [StoredRecord(scope: "h", collection: "c", key: "kept", body: body("1"))])
        #expect(try workspace.lastJournalSequence() == 0)
    }

    @Test func deleteRemovesOnlyThatRecord() throws {
        let workspace = try workspace(holding: "h/c/a", "h/c/b")
        try workspace.write { writer in
            try writer.delete(scope: "h", collection: "c", key: "a")
            try writer.delete(scope: "h", collection: "c", key: "missing")  // not an error
        }
        #expect(try workspace.allRecords().map(\.key) == ["b"])
    }

    @Test func deleteCollectionKeepsOtherCollections() throws {
        let workspace = try workspace(holding: "h/devices/a", "h/devices/b", "h/routes/r", "g/devices/a")
        try workspace.write { try $0.deleteCollection(scope: "h", collection: "devices") }
        #expect(try paths(workspace) == ["g/devices/a", "h/routes/r"])
    }

    @Test func deleteScopeRemovesOnlyThatScopeAndKeepsTheJournal() throws {
        let workspace = try workspace(holding: "hub-1/devices/a", "hub-1/routes/r", "hub-10/devices/a", "hub-2/devices/a")
        try workspace.write { try $0.append(JournalDraft(time: Date(), kind: "HubCreated", scope: "hub-1", subject: "hub-1", payload: Data())) }
        #expect(try workspace.read { try $0.scopes() } == ["hub-1", "hub-10", "hub-2"])
        try workspace.write { try $0.deleteScope("hub-1") }
        #expect(try workspace.read { try $0.scopes() } == ["hub-10", "hub-2"])
        #expect(try paths(workspace) == ["hub-10/devices/a", "hub-2/devices/a"])
        #expect(try workspace.lastJournalSequence() == 1)
    }

    @Test func writeReturnsTheClosuresValue() throws {
        let workspace = try Workspace.inMemory()
        let sequence = try workspace.write { writer in
            try writer.append(JournalDraft(time: Date(), kind: "K", scope: "s", subject: "x", payload: Data())).sequence
        }
        #expect(sequence == 1)
    }
}
