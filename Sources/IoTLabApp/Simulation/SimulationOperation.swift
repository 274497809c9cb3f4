/// `iotlab sim ...`: simulated devices run in the process that holds the workspace, so these
/// are workspace operations, forwarded to that process when another one holds it.
public enum SimulationOperation: Sendable, Equatable {
    /// `iotlab sim start DEFINITION -n HUB [-d DEVICE] [-m MODULE] [--seed N]`; DEFINITION is a
    /// name from `Content/simulations` or a JSON file (a path, or a name ending in `.json`).
    case start(hub: String, definition: String, deviceId: String?, moduleId: String?, seed: UInt64?)
    /// `iotlab sim stop -n HUB -d DEVICE [-m MODULE]`.
    case stop(hub: String, deviceId: String, moduleId: String?)
    /// `iotlab sim list [-n HUB]`.
    case list(hub: String?)

    var arguments: [String] {
        switch self {
        case .start(let hub, let definition, let deviceId, let moduleId, let seed):
            ["sim", "start", definition, "-n", hub] + Self.option("-d", deviceId) + Self.option("-m", moduleId)
                + Self.option("--seed", seed.map(String.init))
        case .stop(let hub, let deviceId, let moduleId):
            ["sim", "stop", "-n", hub, "-d", deviceId] + Self.option("-m", moduleId)
        case .list(let hub):
            ["sim", "list"] + Self.option("-n", hub)
        }
    }

    /// Reads what `arguments` wrote (after `sim`); `nil` when it names no simulation operation.
    init?(arguments: ArraySlice<String>) {
        guard let verb = arguments.first else { return nil }
        var positional: [String] = []
        var options: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let word = rest.first {
            rest = rest.dropFirst()
            if word.hasPrefix("-") {
                guard let value = rest.first else { return nil }
                options[word] = value
                rest = rest.dropFirst()
            } else {
                positional.append(word)
            }
        }
        switch (verb, positional.count) {
        case ("start", 1):
            guard let hub = options["-n"] else { return nil }
            self = .start(
                hub: hub, definition: positional[0], deviceId: options["-d"], moduleId: options["-m"],
                seed: options["--seed"].flatMap(UInt64.init))
        case ("stop", 0):
            guard let hub = options["-n"], let deviceId = options["-d"] else { return nil }
            self = .stop(hub: hub, deviceId: deviceId, moduleId: options["-m"])
        case ("list", 0):
            self = .list(hub: options["-n"])
        default:
            return nil
        }
    }

    private static func option(_ flag: String, _ value: String?) -> [String] {
        value.map { [flag, $0] } ?? []
    }
}
