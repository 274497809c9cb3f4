import Foundation
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@testable import HubEngine

/// The hub shares equal parts of the twins it loads and stores identities densely; none of it
/// may change what a learner reads.
@Suite struct MemorySharingTests {
    @Test func equalObjectsShareOneCopy() throws {
        var interner = JSONInterner()
        var first = try json(#"{"location":{"building":"43","floor":2},"since":"2026-01-01T00:00:00.0000000Z"}"#).objectValue ?? [:]
        var second = try json(#"{"location":{"building":"43","floor":2},"since":"2026-01-01T00:00:00.0000000Z"}"#).objectValue ?? [:]
        interner.intern(&first)
        interner.intern(&second)
        #expect(first == second)
        #expect(Self.storage(of: first) == Self.storage(of: second))
    }

    @Test func textThatOnlyLooksEqualIsNotShared() throws {
        var interner = JSONInterner()
        // "é" precomposed and as "e" + combining accent: equal to Swift, different bytes on the wire.
        var composed: JSONObject = ["name": .string("caf\u{E9}"), "zero": .integer(0)]
        var decomposed: JSONObject = ["name": .string("cafe\u{301}"), "zero": .integer(0)]
        var positive: JSONObject = ["value": .double(0.0)]
        var negative: JSONObject = ["value": .double(-0.0)]
        interner.intern(&composed)
        interner.intern(&decomposed)
        interner.intern(&positive)
        interner.intern(&negative)
        #expect(JSONValue.object(composed).serialized(.compact) == "{\"name\":\"caf\u{E9}\",\"zero\":0}")
        #expect(JSONValue.object(decomposed).serialized(.compact) == "{\"name\":\"cafe\u{301}\",\"zero\":0}")
        #expect(JSONValue.object(negative).serialized(.compact) == JSONValue.object(["value": .double(-0.0)]).serialized(.compact))
        #expect(JSONValue.object(positive).serialized(.compact) == JSONValue.object(["value": .double(0.0)]).serialized(.compact))
    }

    @Test func reopenedTwinsReadByteForByteAsBefore() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let settings = HubSettings(name: "lab-hub", skuName: "S1", units: 1)
            let ids = (0..<6).map { "dev-\($0)" }
            var before: [String] = []
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                let entries = ids.map { id -> ExportImportDevice in
                    var entry = ExportImportDevice(id: id, importMode: .create)
                    entry.tags = ["location": ["building": "43", "floor": 2]]
                    return entry
                }
                #expect(await hub.importDevices(entries).errors.isEmpty)
                _ = try await hub.updateTwin(of: "dev-1", patch: json(#"{"tags":{"name":"cafe\u0301","z":-0.0}}"#), ifMatch: nil)
                _ = try await hub.updateTwin(of: "dev-2", patch: json(#"{"tags":{"name":"caf\u00e9","z":0.0}}"#), ifMatch: nil)
                for id in ids { before.append(try await hub.twin(of: id).serialized(.compact)) }
            }
            let reopened = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            var after: [String] = []
            for id in ids { after.append(try await reopened.twin(of: id).serialized(.compact)) }
            #expect(after == before)
        }
    }

    @Test func deletingADeviceKeepsEveryOtherOneReachable() async throws {
        let fixture = try HubFixture()
        for index in 0..<5 { _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "dev-\(index)")) }
        try await fixture.hub.deleteDevice("dev-1", ifMatch: nil)
        try await fixture.hub.deleteDevice("dev-3", ifMatch: nil)
        #expect(try await fixture.hub.devices().map(\.deviceId) == ["dev-0", "dev-2", "dev-4"])
        for id in ["dev-0", "dev-2", "dev-4"] {
            #expect(try await fixture.hub.twin(of: id)["deviceId"] == .string(id))
        }
        await #expect(throws: HubError.deviceNotFound(deviceId: "dev-3")) { try await fixture.hub.device("dev-3") }
    }

    @Test func removingIgnoringOrderMovesOnlyTheLastMember() {
        var map: OrderedDictionary<String, Int> = ["a": 1, "b": 2, "c": 3, "d": 4]
        #expect(map.removeValueIgnoringOrder(forKey: "b") == 2)
        #expect(map.removeValueIgnoringOrder(forKey: "zz") == nil)
        #expect(Array(map.keys) == ["a", "d", "c"])
        #expect(map["d"] == 4 && map["c"] == 3 && map["b"] == nil)
    }

    /// Where an object's values are stored: equal addresses mean one shared copy.
    private static func storage(of members: JSONObject) -> UnsafeRawPointer? {
        members.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
