import Foundation
import Testing

/// `iotlab clock`: lab time moves forward on request, every later process agrees, it never goes back.
@Suite(.serialized) struct LabClockTests {
    @Test func anAdvanceIsKeptForEveryLaterProcessAndSurvivesAReset() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let fresh = try await iotlab.run("clock", "show")
        #expect(fresh.status == 0)
        #expect(fresh.output.hasSuffix("(real time)\n"))

        let advanced = try await iotlab.run("clock", "advance", "1h30m")
        try #require(advanced.status == 0, "\(advanced.errors)")
        #expect(advanced.output.hasPrefix("Advanced the clock by 1h 30m.\n"))

        let shown = try await iotlab.run("clock")
        #expect(shown.output.hasSuffix("(real time + 1h 30m)\n"))
        let labTime = try #require(Self.labTime(in: shown.output))
        #expect(abs(labTime.timeIntervalSinceNow - 5400) < 60)

        try await #require(iotlab.run("workspace", "reset", "--yes").status == 0)
        #expect(try await iotlab.run("clock", "show").output.hasSuffix("(real time + 1h 30m)\n"))
    }

    @Test func advancingPastACloudToDeviceMessagesTimeToLiveExpiresIt() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("ttl-hub", devices: ["d1"])
        try await #require(iotlab.run("az", "iot", "device", "c2d-message", "send", "-n", "ttl-hub", "-d", "d1", "--data", "stale").status == 0)
        // The hub's default time to live is one hour of lab time.
        try await #require(iotlab.run("clock", "advance", "59m").status == 0)
        try await #require(iotlab.run("az", "iot", "device", "c2d-message", "send", "-n", "ttl-hub", "-d", "d1", "--data", "fresh").status == 0)
        try await #require(iotlab.run("clock", "advance", "2m").status == 0)
        let received = try await iotlab.run("az", "iot", "device", "c2d-message", "receive", "-n", "ttl-hub", "-d", "d1", "--query", "data", "-o", "tsv")
        #expect(received.output == "fresh\n")
    }

    @Test func aDurationThatIsNotOneIsRefusedAndNamesTheForms() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let refused = try await iotlab.run("clock", "advance", "ten minutes")
        #expect(refused.status != 0)
        #expect(refused.errors.contains("'ten minutes' is not a duration"))
        #expect(try await iotlab.run("clock", "show").output.hasSuffix("(real time)\n"))
    }

    private static func labTime(in output: String) -> Date? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Lab time: ") }) else { return nil }
        let text = line.dropFirst("Lab time: ".count).prefix { $0 != " " }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: String(text.prefix(23)) + "Z")
    }
}
