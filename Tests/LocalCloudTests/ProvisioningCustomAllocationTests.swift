import Foundation
import JSONValue
import ProvisioningEngine
import Testing
import TestSupport
@testable import LocalCloud

@Suite struct ProvisioningCustomAllocationTests {
    /// A web hook the test serves itself: Python's http.server answers one POST with the second
    /// linked hub and prints the request it received.
    static let server = """
        import http.server, json, sys
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                print("REQUEST " + json.dumps({"path": self.path, "body": body}), flush=True)
                answer = json.dumps({"iotHubHostName": body["linkedHubs"][1], "payload": {"ok": True}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), H)
        print("PORT %d" % server.server_address[1], flush=True)
        server.handle_request()
        """

    @Test func aWebHookChoosesTheHubWithAzuresRequest() async throws {
        let fixture = try await ProvisioningFixture()
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let serving = Task {
            try await ChildProcess.run("/usr/bin/python3", ["-c", Self.server], timeoutSeconds: 60) { line in
                if line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) { portSink.yield(port) }
            }
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let key = ProvisioningFixture.key()
        let policy = EnrollmentPolicy(
            allocationPolicy: .custom, customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "http://127.0.0.1:\(port)/api/allocate"))
        _ = try await fixture.cloud.createEnrollment(ProvisioningRegistrationTests.symmetric("web-1", key, policy), dpsName: "lab-dps")
        let operation = try await fixture.register("web-1", .sasToken(fixture.token("web-1", key: key)), payload: ["model": "th"])
        #expect(operation.registrationState?.assignedHub == ProvisioningFixture.hubB)
        #expect(operation.registrationState?.payload == ["ok": true])
        let result = try await serving.value
        let request = try JSONValue(parsing: String(try #require(result.lines.first { $0.hasPrefix("REQUEST ") }).dropFirst(8)))
        #expect(request["path"] == "/api/allocate?api-version=2019-03-31")
        #expect(request["body"]?["deviceRuntimeContext"]?["registrationId"] == "web-1")
        #expect(request["body"]?["deviceRuntimeContext"]?["payload"] == ["model": "th"])
        #expect(request["body"]?["individualEnrollment"]?["registrationId"] == "web-1")
        #expect(request["body"]?["linkedHubs"] == [.string(ProvisioningFixture.hubA), .string(ProvisioningFixture.hubB)])
    }

    @Test func aFunctionThatHangsFailsAtTheTimeout() async throws {
        await #expect(throws: ProvisioningError.customAllocationFailed(reason: "the function did not answer within 0.2 seconds")) {
            try await CustomAllocationCaller.call(CustomAllocationDefinition(webhookUrl: "command:sleep 30"), request: [:], timeout: .milliseconds(200))
        }
    }
}
