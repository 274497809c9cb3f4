import Foundation
import HubEngine
import JSONValue
import LocalCloud

/// `az iot hub monitor-events`: prints the built-in endpoint's events as they arrive, in the
/// azure-iot extension's shape, until `--timeout` seconds pass without one, `--max-messages`
/// have been printed, or the caller's task is cancelled (ctrl-c).
///
/// It reads the workspace through `EndpointReader`, so it sees events that another process (a
/// simulation under `iotlab serve`) writes; it polls on the cloud's clock, so a test drives it
/// with a manual clock.
enum MonitorEventsCommand {
    /// How often, in clock seconds, the endpoint is polled for new events.
    static let pollInterval: TimeInterval = 0.5
    /// Events read per partition per poll.
    static let pageSize = 500

    static let commands = [
        CommandSpec(
            "iot hub monitor-events", summary: "Monitor device telemetry & messages sent to an IoT Hub.",
            details: "EXPERIMENTAL requires Python 3.5+ in az; here events are read from the hub's built-in endpoint in the workspace. Consumer groups are checked to exist; like az, monitoring does not move a group's checkpoint.",
            flags: [
                CommonFlags.hubName,
                FlagSpec(["--device-id", "-d"], help: "Device Id. Supports wildcards ('*' and '?')."),
                FlagSpec(["--module-id", "-m"], help: "IoT Edge Module Id. Supports wildcards ('*' and '?')."),
                FlagSpec(["--consumer-group", "--cg", "-c"], default: "$Default", help: "Specify the consumer group to use when connecting to event hub endpoint."),
                FlagSpec(["--timeout", "--to", "-t"], .integer(0...Int(Int32.max)), default: "300", help: "Maximum number of seconds to maintain connection without receiving message. Use 0 for infinity."),
                FlagSpec(["--enqueued-time", "--et", "-e"], .integer(0...Int.max), help: "Indicates the time that should be used as a starting point to read messages from the partitions. Units are milliseconds since unix epoch. If no time is indicated \"now\" is used."),
                FlagSpec(["--properties", "--props", "-p"], .list, help: "Indicate key message properties to output. sys = system properties, app = application properties, anno = annotations. Allowed values: all, anno, app, sys."),
                FlagSpec(["--content-type", "--ct"], help: "Specify the Content-Type of the message payload to automatically format the output to that type."),
                FlagSpec(["--max-messages", "--mm"], .integer(1...Int.max), help: "Maximum number of messages to receive from target before terminating. Omitting this parameter will receive messages until timeout."),
                CommonFlags.resourceGroup, CommonFlags.login,
            ]
        ) { context in
            try await run(context)
            return nil
        }
    ]

    private static func run(_ context: CommandContext) async throws {
        let arguments = context.arguments
        let properties = Set(arguments.list("properties").map { $0.lowercased() })
        if let unknown = properties.subtracting(["sys", "app", "anno", "all"]).sorted().first {
            throw ConsoleError.usage("argument --properties/--props/-p: invalid choice: '\(unknown)' (choose from 'sys', 'app', 'anno', 'all')")
        }
        let hub = try await context.hubResource()
        _ = try await context.cloud.consumerGroup(hubName: hub.name, resourceGroup: hub.resourceGroup, name: arguments.string("consumer-group") ?? "$Default")
        let clock = context.cloud.clock
        let start = arguments.integer("enqueued-time").map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? clock.now()
        let timeout = TimeInterval(arguments.integer("timeout") ?? 300)
        let maximum = arguments.integer("max-messages")
        let devicePattern = arguments.string("device-id")
        let modulePattern = arguments.string("module-id")
        let shape = MonitorEventsEvent(properties: properties, contentType: arguments.string("content-type"))
        let asYAML = (arguments.string(GlobalFlags.output.key) ?? "json") != "json"

        let filter = devicePattern.map { "filtering on device: \($0), " } ?? ""
        context.lines.print("Starting event monitor, \(filter)use ctrl-c to stop...")
        let reader = EndpointReader(workspace: context.cloud.workspace, hubName: hub.name)
        var positions = try reader.positions(partitionCount: hub.partitionCount, at: .enqueuedTime(start))
        var printed = 0
        var lastActivity = clock.now()
        while !Task.isCancelled {
            for event in try reader.readAll(from: &positions, limit: pageSize) {
                let system = event.message.systemProperties
                guard matches(devicePattern, system.connectionDeviceId ?? ""), matches(modulePattern, system.connectionModuleId ?? "") else { continue }
                let json = shape.json(for: event)
                context.lines.print(asYAML ? YAMLRenderer().render(json.sortingKeys()) : MonitorEventsJSON.dumps(json))
                printed += 1
                lastActivity = clock.now()
                if let maximum, printed == maximum {
                    context.lines.print("Successfully parsed \(maximum) message(s).")
                    return
                }
            }
            let now = clock.now()
            var wake = now.addingTimeInterval(pollInterval)
            if timeout > 0 {
                let deadline = lastActivity.addingTimeInterval(timeout)
                if now >= deadline { return }
                wake = min(wake, deadline)
            }
            do { try await clock.sleep(until: wake) } catch { return }
        }
    }

    /// The extension's id filter: equal, or a match of `*` (any run) and `?` (any one character).
    static func matches(_ pattern: String?, _ id: String) -> Bool {
        guard let pattern, pattern != id else { return true }
        guard pattern.contains("*") || pattern.contains("?") else { return false }
        return glob(Array(pattern), Array(id))
    }

    private static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
