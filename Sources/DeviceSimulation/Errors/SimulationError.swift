import LabCore

/// Why a simulation could not be read, started or found, in Azure's error style so the az
/// console and `iotlab sim` print it like any other service error.
public enum SimulationError: AzureError, Equatable {
    /// A definition broke a rule; `field` is the JSON path of the offending member
    /// (`variables[1].max`, `messages[0].properties.temperatureAlert.expression`).
    case invalidDefinition(field: String, reason: String)
    /// A simulation already runs for this device or module: one session per identity, as the
    /// hub takes over the older connection when a second one arrives.
    case alreadyRunning(device: String)
    /// No simulation runs (or ran) for this device or module.
    case notFound(device: String)
    /// No definition of that name in the catalog.
    case definitionNotFound(name: String, available: [String])
    /// A definition names no device and none was given when it was started.
    case deviceRequired(definition: String)

    public var httpStatus: Int {
        switch self {
        case .invalidDefinition, .deviceRequired: 400
        case .alreadyRunning: 409
        case .notFound, .definitionNotFound: 404
        }
    }

    /// Azure's code for a rejected argument where the service has one; the runner's own
    /// conditions have no Azure counterpart and so no code.
    public var errorCode: Int? {
        switch self {
        case .invalidDefinition, .deviceRequired: 400004
        case .alreadyRunning, .notFound, .definitionNotFound: nil
        }
    }

    public var errorName: String {
        switch self {
        case .invalidDefinition, .deviceRequired: "ArgumentInvalid"
        case .alreadyRunning: "SimulationAlreadyRunning"
        case .notFound: "SimulationNotFound"
        case .definitionNotFound: "SimulationDefinitionNotFound"
        }
    }

    public var message: String {
        switch self {
        case .invalidDefinition(let field, let reason):
            "simulation definition, \(field): \(reason)"
        case .alreadyRunning(let device):
            "a simulation is already running for '\(device)'; stop it first"
        case .notFound(let device):
            "no simulation is running for '\(device)'"
        case .definitionNotFound(let name, let available):
            "no simulation definition named '\(name)'"
                + (available.isEmpty ? "" : "; available: " + available.joined(separator: ", "))
        case .deviceRequired(let definition):
            "simulation '\(definition)' names no device; give the device id to simulate"
        }
    }
}
