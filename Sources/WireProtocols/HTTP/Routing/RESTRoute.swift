import HubEngine
import LocalCloud
import NIOHTTP1

/// Who may call a route, and so which credential the router checks before the handler runs.
enum RESTAccess: Sendable {
    /// A service token (`skn=` a shared access policy) whose policy holds `right` or one of
    /// `orElse`: IoT Hub accepts ServiceConnect or RegistryRead for twin reads and queries.
    case service(SharedAccessPolicy.Right, orElse: [SharedAccessPolicy.Right])
    /// A device's own credential (its SAS token or X.509 certificate) for the device named by the
    /// path's first parameter and, with `module`, the module named by its second.
    case device(module: Bool)
}

extension RESTAccess {
    /// Reading identities: RegistryRead (which RegistryWrite includes, authentication knows).
    static let registryRead = RESTAccess.service(.registryRead, orElse: [])
    /// Creating, updating and deleting identities.
    static let registryWrite = RESTAccess.service(.registryWrite, orElse: [])
    /// Twin reads and queries: ServiceConnect or RegistryRead.
    static let twinRead = RESTAccess.service(.serviceConnect, orElse: [.registryRead])
    /// Everything else on the service side: twin writes, methods, cloud-to-device, statistics.
    static let serviceConnect = RESTAccess.service(.serviceConnect, orElse: [])
    /// The device named by the path, itself.
    static let device = RESTAccess.device(module: false)
    /// The module named by the path, itself.
    static let module = RESTAccess.device(module: true)
}

/// What a handler gets: the request, the path's parameters in order, the hub the credential
/// belongs to, and (for device routes) the authenticated sender.
struct RESTCall: Sendable {
    let request: RESTRequest
    let parameters: [String]
    let hub: IoTHub
    /// The authenticated device or module on device routes; `nil` on service routes.
    let sender: MessageSender?
    let hubName: String

    /// The path parameter at `index`; routes only declare handlers for the parameters they have.
    func parameter(_ index: Int) -> String {
        parameters.indices.contains(index) ? parameters[index] : ""
    }
}

/// One REST operation: a method, a path pattern, who may call it, and its handler.
///
/// Routes are data (STYLE.md, "commands as data"): the table in ``RESTRoutes`` reads like the
/// operations table in Azure's REST reference, and adding an operation is one entry.
struct RESTRoute: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter
    }

    let method: HTTPMethod
    let pattern: [Segment]
    let access: RESTAccess
    let handler: @Sendable (RESTCall) async throws -> RESTResponse

    /// `path` is written as Azure documents it, `{}` standing for each parameter:
    /// `"/twins/{}/modules/{}/methods"`.
    init(_ method: HTTPMethod, _ path: String, _ access: RESTAccess, _ handler: @escaping @Sendable (RESTCall) async throws -> RESTResponse) {
        self.method = method
        pattern = path.split(separator: "/").map { $0 == "{}" ? .parameter : .literal(String($0)) }
        self.access = access
        self.handler = handler
    }

    /// The parameters, when `path` has this route's shape; literal segments compare
    /// case-insensitively (`deviceBound` and `devicebound` both appear in Azure's clients).
    func parameters(matching path: [String]) -> [String]? {
        guard path.count == pattern.count else { return nil }
        var parameters: [String] = []
        for (segment, text) in zip(pattern, path) {
            switch segment {
            case .parameter: parameters.append(text)
            case .literal(let literal): guard literal.caseInsensitiveCompare(text) == .orderedSame else { return nil }
            }
        }
        return parameters
    }
}
