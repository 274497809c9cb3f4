import Foundation

/// A command that changes or reads the live workspace and therefore must run in the process that
/// holds it: here when no other iotlab holds it, otherwise forwarded there over the control socket.
public enum WorkspaceOperation: Sendable, Equatable {
    /// `iotlab az ...`: the arguments after `az`.
    case az(arguments: [String])
    /// `iotlab workspace reset` (already confirmed by the caller).
    case reset
    /// `iotlab workspace export FILE` (absolute path).
    case export(path: String)
    /// `iotlab workspace import FILE` (absolute path).
    case `import`(path: String)
    /// `iotlab clock show`.
    case showClock
    /// `iotlab clock advance DURATION`: moves lab time forward so TTLs, locks, throttle windows
    /// and batch intervals come due without waiting.
    case advanceClock(LabDuration)
    /// `iotlab endpoint read NAME -n HUB [--cg GROUP] [--limit N] [-o json]`.
    case readEndpoint(hub: String, endpoint: String, consumerGroup: String?, limit: Int, json: Bool)
    /// `iotlab sim start|stop|list`.
    case simulation(SimulationOperation)
    /// `iotlab metrics -n HUB [-o json]`.
    case metrics(hub: String, json: Bool)
    /// The connection part of `iotlab info`: front-door endpoints, the CA file and connection
    /// strings, which only the process running the front doors knows.
    case connections
    /// `iotlab ca export FILE` (absolute path).
    case exportCertificateAuthority(path: String)
    /// `iotlab lab list|show|start|check|hint|reset|solve`.
    case lab(LabOperation)

    /// Whether the operation moves lab time, after which any timed work may have come due.
    var movesClock: Bool {
        if case .advanceClock = self { true } else { false }
    }

    /// The argument vector that names this operation on the control socket.
    public var arguments: [String] {
        switch self {
        case .az(let arguments): ["az"] + arguments
        case .reset: ["workspace", "reset", "--yes"]
        case .export(let path): ["workspace", "export", path]
        case .import(let path): ["workspace", "import", path]
        case .showClock: ["clock", "show"]
        case .advanceClock(let duration): ["clock", "advance", String(duration.seconds)]
        case .metrics(let hub, let json): ["metrics", "-n", hub] + (json ? ["-o", "json"] : [])
        case .connections: ["info", "connections"]
        case .exportCertificateAuthority(let path): ["ca", "export", path]
        case .simulation(let simulation): simulation.arguments
        case .lab(let lab): lab.arguments
        case .readEndpoint(let hub, let endpoint, let group, let limit, let json):
            ["endpoint", "read", endpoint, "-n", hub, "--limit", String(limit)] + (group.map { ["--cg", $0] } ?? [])
                + (json ? ["-o", "json"] : [])
        }
    }

    /// Reads an operation from a forwarded argument vector; `nil` when it names none.
    public init?(arguments: [String]) {
        switch arguments.first {
        case "az":
            self = .az(arguments: Array(arguments.dropFirst()))
        case "workspace" where arguments.count >= 2:
            switch (arguments[1], arguments.count) {
            case ("reset", _): self = .reset
            case ("export", 3): self = .export(path: arguments[2])
            case ("import", 3): self = .import(path: arguments[2])
            default: return nil
            }
        case "endpoint" where arguments.count >= 7 && arguments[1] == "read" && arguments[3] == "-n" && arguments[5] == "--limit":
            guard let limit = Int(arguments[6]) else { return nil }
            var rest = arguments.dropFirst(7)
            var group: String?
            if rest.first == "--cg", rest.count >= 2 {
                group = rest.dropFirst().first
                rest = rest.dropFirst(2)
            }
            self = .readEndpoint(hub: arguments[4], endpoint: arguments[2], consumerGroup: group, limit: limit, json: rest == ["-o", "json"])
        case "sim":
            guard let simulation = SimulationOperation(arguments: arguments.dropFirst()) else { return nil }
            self = .simulation(simulation)
        case "lab":
            guard let lab = LabOperation(arguments: arguments.dropFirst()) else { return nil }
            self = .lab(lab)
        case "metrics" where arguments.count >= 3 && arguments[1] == "-n":
            self = .metrics(hub: arguments[2], json: arguments.dropFirst(3) == ["-o", "json"])
        case "info" where arguments == ["info", "connections"]:
            self = .connections
        case "ca" where arguments.count == 3 && arguments[1] == "export":
            self = .exportCertificateAuthority(path: arguments[2])
        case "clock" where arguments.count == 2 && arguments[1] == "show":
            self = .showClock
        case "clock" where arguments.count == 3 && arguments[1] == "advance":
            guard let duration = try? LabDuration(parsing: arguments[2]) else { return nil }
            self = .advanceClock(duration)
        default:
            return nil
        }
    }
}
