import Foundation
import JSONValue
import Testing

/// Who may call what: the policy rights each operation needs, bad and expired tokens, and the
/// front door's own refusals (api-version, unknown paths and methods, malformed bodies).
@Suite struct HTTPAuthorizationTests {
    @Test func registryReadTokenReadsButCannotWrite() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            #expect(try await fixture.service(.GET, "/devices/d1", policy: "registryRead").status == 200)
            let write = try await fixture.service(.DELETE, "/devices/d1", policy: "registryRead", headers: [("If-Match", "*")])
            #expect(write.status == 401)
            #expect(write.header("iothub-errorcode") == "IotHubUnauthorizedAccess")
            #expect(try await fixture.service(.GET, "/devices/d1").status == 200)
        }
    }

    @Test func serviceTokenCannotWriteTheRegistryButPatchesTwins() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let create = try await fixture.service(.PUT, "/devices/d2", policy: "service", json: ["deviceId": "d2"])
            #expect(create.status == 401)
            let patch = try await fixture.service(.PATCH, "/twins/d1", policy: "service", json: ["tags": ["a": 1]])
            #expect(patch.status == 200)
        }
    }

    @Test func missingTamperedAndExpiredTokensAre401() async throws {
        try await HTTPServerFixture.run { fixture in
            let query = "/devices?api-version=2021-04-12"
            let missing = try await fixture.client.send(.GET, query)
            #expect(missing.status == 401)
            #expect(missing.header("iothub-errorcode") == "IotHubUnauthorizedAccess")

            let token = try fixture.serviceToken()
            let tampered = token.replacingOccurrences(of: "sig=", with: "sig=A")
            #expect(try await fixture.client.send(.GET, query, headers: [("Authorization", tampered)]).status == 401)

            let expiring = try fixture.serviceToken(expiresIn: 60)
            fixture.tokenClock.advance(by: 61)
            #expect(try await fixture.client.send(.GET, query, headers: [("Authorization", expiring)]).status == 401)
        }
    }

    @Test func missingApiVersionIs400() async throws {
        try await HTTPServerFixture.run { fixture in
            let response = try await fixture.client.send(.GET, "/devices", headers: [("Authorization", try fixture.serviceToken())])
            #expect(response.status == 400)
            #expect(response.json?["Message"]?.stringValue?.hasPrefix("ErrorCode:ArgumentInvalid;api-version:") == true)
        }
    }

    @Test func unknownPathIs404AndWrongMethodIs405() async throws {
        try await HTTPServerFixture.run { fixture in
            let unknown = try await fixture.service(.GET, "/nowhere")
            #expect(unknown.status == 404)
            #expect(unknown.header("iothub-errorcode") == "NotFound")
            #expect(try await fixture.service(.GET, "/no/such/path").status == 404)
            #expect(try await fixture.service(.PUT, "/configurations/c1", json: ["id": "c1"]).status == 404)
            let wrongMethod = try await fixture.service(.PATCH, "/devices/d1")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.json?["Message"] == "ErrorCode:MethodNotAllowed;/devices/d1 does not accept PATCH")
        }
    }

    @Test func malformedJSONIs400NamingWhereItStopped() async throws {
        try await HTTPServerFixture.run { fixture in
            let response = try await fixture.client.send(
                .PUT, "/devices/d1?api-version=2021-04-12",
                headers: [("Authorization", try fixture.serviceToken()), ("Content-Type", "application/json")],
                body: Array("{\"deviceId\": ".utf8))
            #expect(response.status == 400)
            let message = try #require(response.json?["Message"]?.stringValue)
            #expect(message.hasPrefix("ErrorCode:ArgumentInvalid;body: is not valid JSON: line 1, column"))
        }
    }
}
