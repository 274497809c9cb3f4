import HubEngine
import JSONValue
import Testing

@Suite struct TwinTests {
    private func fixtureWithDevice(sku: String = "S1") async throws -> HubFixture {
        let fixture = try HubFixture(sku: sku)
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        return fixture
    }

    @Test func newTwinHasAzureShapeAndVersionOne() async throws {
        let fixture = try await fixtureWithDevice()
        let twin = try await fixture.hub.twin(of: "d1")
        #expect(Array(twin.objectValue?.keys ?? []) == [
            "deviceId", "etag", "deviceEtag", "status", "statusUpdateTime", "connectionState", "lastActivityTime",
            "cloudToDeviceMessageCount", "authenticationType", "x509Thumbprint", "modelId", "version", "tags", "properties",
            "capabilities", "parentScopes",
        ])
        #expect(twin["etag"] == "AAAAAAAAAAE=")
        #expect(twin["version"] == 1)
        #expect(twin[path: ["properties", "desired", "$version"]] == 1)
        #expect(twin[path: ["properties", "reported", "$metadata", "$lastUpdated"]] == "2026-01-01T00:00:00.0000000Z")
        #expect(twin["deviceEtag"] == .string(try await fixture.hub.device("d1").etag))
    }

    @Test func patchMergesDeletesWithNullAndStampsMetadata() async throws {
        let fixture = try await fixtureWithDevice()
        _ = try await fixture.hub.updateTwin(
            of: "d1", patch: json(#"{"tags":{"floor":2,"room":"a"},"properties":{"desired":{"telemetryInterval":5,"alarm":{"high":30}}}}"#),
            ifMatch: nil)
        fixture.clock.advance(by: 10)
        let twin = try await fixture.hub.updateTwin(
            of: "d1", patch: json(#"{"tags":{"room":null},"properties":{"desired":{"alarm":{"low":5}}}}"#), ifMatch: "*")
        #expect(try twin["tags"] == json(#"{"floor":2}"#))
        #expect(try twin[path: ["properties", "desired", "alarm"]] == json(#"{"high":30,"low":5}"#))
        #expect(twin["version"] == 3)
        #expect(twin["etag"] == "AAAAAAAAAAM=")
        #expect(twin[path: ["properties", "desired", "$version"]] == 3)
        let metadata = twin[path: ["properties", "desired", "$metadata"]]
        #expect(metadata?["$lastUpdatedVersion"] == 3)
        #expect(metadata?[path: ["telemetryInterval", "$lastUpdated"]] == "2026-01-01T00:00:00.0000000Z")
        #expect(metadata?[path: ["telemetryInterval", "$lastUpdatedVersion"]] == 2)
        #expect(metadata?[path: ["alarm", "low", "$lastUpdated"]] == "2026-01-01T00:00:10.0000000Z")
        #expect(metadata?[path: ["alarm", "high", "$lastUpdatedVersion"]] == 2)
        #expect(metadata?[path: ["alarm", "$lastUpdatedVersion"]] == 3)
    }

    @Test func replaceSwapsTagsAndDesiredAndIgnoresReported() async throws {
        let fixture = try await fixtureWithDevice()
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1},"properties":{"desired":{"x":1,"y":2}}}"#), ifMatch: nil)
        let twin = try await fixture.hub.replaceTwin(
            of: "d1", with: json(#"{"tags":{"b":2},"properties":{"desired":{"y":3},"reported":{"hack":true}}}"#), ifMatch: nil)
        #expect(try twin["tags"] == json(#"{"b":2}"#))
        #expect(twin[path: ["properties", "desired", "y"]] == 3)
        #expect(twin[path: ["properties", "desired", "x"]] == nil)
        #expect(twin[path: ["properties", "reported", "hack"]] == nil)
    }

    @Test func twinEtagMismatchIsPreconditionFailed() async throws {
        let fixture = try await fixtureWithDevice()
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1}}"#), ifMatch: "\"AAAAAAAAAAE=\"")
        await #expect(
            throws: HubError.preconditionFailed(resource: "the twin of device 'd1'", expected: "AAAAAAAAAAE=", actual: "AAAAAAAAAAI=")
        ) {
            try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":2}}"#), ifMatch: "AAAAAAAAAAE=")
        }
    }

    @Test func unknownTwinsAreNotFound() async throws {
        let fixture = try await fixtureWithDevice()
        await #expect(throws: HubError.deviceNotFound(deviceId: "nope")) { try await fixture.hub.twin(of: "nope") }
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "m")) {
            try await fixture.hub.moduleTwin(of: "m", on: "d1")
        }
    }

    @Test func deviceSideReadsPropertiesAndPatchesReported() async throws {
        let fixture = try await fixtureWithDevice()
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"t":1},"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
        let version = try await fixture.hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: json(#"{"temp":21.5}"#))
        #expect(version == 2)
        let properties = try await fixture.hub.twinProperties(ofDevice: "d1", module: nil)
        #expect(try properties == json(#"{"desired":{"x":1,"$version":2},"reported":{"temp":21.5,"$version":2}}"#))
        let twin = try await fixture.hub.twin(of: "d1")
        #expect(twin[path: ["properties", "reported", "$metadata", "temp", "$lastUpdatedVersion"]] == nil)
        #expect(twin[path: ["properties", "reported", "$metadata", "temp", "$lastUpdated"]] != nil)
        #expect(twin["version"] == 3)
    }

    @Test func moduleTwinsWorkLikeDeviceTwins() async throws {
        let fixture = try await fixtureWithDevice()
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        let twin = try await fixture.hub.updateModuleTwin(of: "m1", on: "d1", patch: json(#"{"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
        #expect(twin["moduleId"] == "m1")
        #expect(twin[path: ["properties", "desired", "x"]] == 1)
        _ = try await fixture.hub.updateReportedProperties(ofDevice: "d1", module: "m1", patch: json(#"{"ok":true}"#))
        let replaced = try await fixture.hub.replaceModuleTwin(of: "m1", on: "d1", with: json(#"{"tags":{"a":1}}"#), ifMatch: nil)
        #expect(replaced[path: ["properties", "desired", "x"]] == nil)
        #expect(replaced[path: ["properties", "reported", "ok"]] == true)
    }

    @Test func basicTierRefusesTwins() async throws {
        let fixture = try await fixtureWithDevice(sku: "B1")
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Device twins", skuName: "B1")) {
            try await fixture.hub.twin(of: "d1")
        }
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Device twins", skuName: "B1")) {
            try await fixture.hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: json(#"{"a":1}"#))
        }
        #expect(HubError.operationNotAvailableInCurrentTier(operation: "Device twins", skuName: "B1").errorCode == 403010)
    }
}

@Suite struct TwinLimitTests {
    private func hub() async throws -> IoTHub {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        return fixture.hub
    }

    private func tags(totalBytes: Int) -> JSONValue {
        // "a" and "b" hold 4000-character strings (4001 bytes each); "c" makes up the rest.
        let rest = totalBytes - 8002 - 1
        return ["tags": ["a": .string(String(repeating: "x", count: 4000)), "b": .string(String(repeating: "x", count: 4000)),
                         "c": .string(String(repeating: "x", count: rest))]]
    }

    private func desired(totalBytes: Int) -> JSONValue {
        // k0…k7 hold 4000-character strings (4002 bytes each); "k8" makes up the rest.
        var members = JSONObject()
        for index in 0..<8 { members["k\(index)"] = .string(String(repeating: "x", count: 4000)) }
        members["k8"] = .string(String(repeating: "x", count: totalBytes - 32_016 - 2))
        return .object(members)
    }

    private func nested(_ levels: Int) -> JSONValue {
        var value: JSONValue = 1
        for level in (1...levels).reversed() { value = ["l\(level)": value] }
        return value
    }

    @Test func tagsOf8KBAreAcceptedAndOneByteMoreRefused() async throws {
        let hub = try await hub()
        _ = try await hub.updateTwin(of: "d1", patch: tags(totalBytes: 8192), ifMatch: nil)
        await #expect(
            throws: HubError.argumentInvalid(
                field: "tags", rule: "is 8193 bytes; the maximum is 8192 (UTF-8 bytes of names and strings, 8 per number, 4 per boolean)")
        ) {
            try await hub.replaceTwin(of: "d1", with: tags(totalBytes: 8193), ifMatch: nil)
        }
    }

    @Test func desiredOf32KBIsAcceptedAndOneByteMoreRefused() async throws {
        let hub = try await hub()
        _ = try await hub.updateTwin(of: "d1", patch: ["properties": ["desired": desired(totalBytes: 32_768)]], ifMatch: nil)
        let error = await #expect(throws: HubError.self) {
            try await hub.updateTwin(of: "d1", patch: ["properties": ["desired": desired(totalBytes: 32_769)]], ifMatch: nil)
        }
        #expect(error == .argumentInvalid(
            field: "properties.desired", rule: "is 32769 bytes; the maximum is 32768 (UTF-8 bytes of names and strings, 8 per number, 4 per boolean)"))
        let twin = try await hub.twin(of: "d1")
        #expect(twin[path: ["properties", "desired", "$version"]] == 2)
    }

    @Test func reportedOverLimitIsRefusedAndNothingChanges() async throws {
        let hub = try await hub()
        _ = try await hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: desired(totalBytes: 32_768))
        let error = await #expect(throws: HubError.self) {
            try await hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: ["k8": .string(String(repeating: "y", count: 751))])
        }
        #expect(error?.errorName == "ArgumentInvalid")
        #expect(try await hub.twinProperties(ofDevice: "d1", module: nil)[path: ["reported", "$version"]] == 2)
    }

    @Test func tenLevelsBelowASectionAreAcceptedAndElevenRefused() async throws {
        let hub = try await hub()
        _ = try await hub.updateTwin(of: "d1", patch: ["tags": nested(11)], ifMatch: nil)
        await #expect(throws: HubError.argumentInvalid(field: "properties.desired", rule: "objects nest 11 levels deep; the maximum is 10")) {
            try await hub.updateTwin(of: "d1", patch: ["properties": ["desired": nested(12)]], ifMatch: nil)
        }
    }

    @Test func keysWithDotsDollarsSpacesOrControlsAreRefused() async throws {
        let hub = try await hub()
        for key in ["a.b", "$x", "a b", "bell\u{07}"] {
            let error = await #expect(throws: HubError.self) {
                try await hub.updateTwin(of: "d1", patch: ["tags": .object([key: 1])], ifMatch: nil)
            }
            guard case .argumentInvalid(let field, _)? = error else {
                Issue.record("\(key): expected ArgumentInvalid, got \(String(describing: error))")
                continue
            }
            #expect(field == "tags." + key)
        }
        let longKey = String(repeating: "k", count: 1025)
        let error = await #expect(throws: HubError.self) {
            try await hub.updateTwin(of: "d1", patch: ["tags": .object([longKey: 1])], ifMatch: nil)
        }
        #expect(error?.message.contains("the property name is 1025 bytes; the maximum is 1024") == true)
        _ = try await hub.updateTwin(of: "d1", patch: ["tags": .object([String(repeating: "k", count: 1024): 1])], ifMatch: nil)
    }

    @Test func integersBeyondAzuresRangeAreRefused() async throws {
        let hub = try await hub()
        _ = try await hub.updateTwin(of: "d1", patch: ["tags": ["big": 4_503_599_627_370_495, "small": -4_503_599_627_370_495]], ifMatch: nil)
        await #expect(
            throws: HubError.argumentInvalid(
                field: "tags.big", rule: "4503599627370496 is outside the integer range -4503599627370495 to 4503599627370495")
        ) {
            try await hub.updateTwin(of: "d1", patch: ["tags": ["big": 4_503_599_627_370_496]], ifMatch: nil)
        }
    }

    @Test func stringsOf4KBAreAcceptedAnd4097BytesRefused() async throws {
        let hub = try await hub()
        _ = try await hub.updateTwin(of: "d1", patch: ["tags": ["s": .string(String(repeating: "x", count: 4096))]], ifMatch: nil)
        await #expect(throws: HubError.argumentInvalid(field: "tags.list[1]", rule: "the string is 4097 bytes; the maximum is 4096")) {
            try await hub.updateTwin(
                of: "d1", patch: ["tags": ["list": [1, .string(String(repeating: "é", count: 2048) + "x")]]], ifMatch: nil)
        }
    }
}
