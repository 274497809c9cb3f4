import Foundation
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
    /// A blob write carrying the SAS signature (`sig`) of a file upload the hub handed out for
    /// the container and blob the path names, as Azure Storage checks it.
    case blobUpload
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

/// Who a request was authorized as: the hub, and the device or file upload when the route
/// is one of theirs.
struct RESTAuthorization: Sendable {
    let hub: IoTHub
    /// The authenticated device or module on device routes.
    var sender: MessageSender? = nil
    /// The open file upload a blob write belongs to, on the blob route.
    var upload: FileUploadTarget? = nil
}

/// What a handler gets: the request, the path's parameters in order, who it was authorized as,
/// and the server's facilities.
struct RESTCall: Sendable {
    let request: RESTRequest
    let parameters: [String]
    let authorization: RESTAuthorization
    /// The connection the request came on.
    let peer: RESTPeer
    /// Where file uploads are written; `nil` when this server stores no blobs.
    let blobs: FileUploadBlobs?
    /// The lab clock's time when the request was authorized, for the timestamps answers carry.
    let now: Date

    var hub: IoTHub { authorization.hub }
    var sender: MessageSender? { authorization.sender }
    var upload: FileUploadTarget? { authorization.upload }

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
        /// `{...}`: one or more segments, the rest of the path, as one parameter joined by `/`
        /// (a blob name such as `device/folder/file.txt`).
        case remainder
    }

    let method: HTTPMethod
    let pattern: [Segment]
    let access: RESTAccess
    let handler: @Sendable (RESTCall) async throws -> RESTResponse

    /// `path` is written as Azure documents it, `{}` standing for each parameter:
    /// `"/twins/{}/modules/{}/methods"`; a last `{...}` takes the rest of the path.
    init(_ method: HTTPMethod, _ path: String, _ access: RESTAccess, _ handler: @escaping @Sendable (RESTCall) async throws -> RESTResponse) {
        self.method = method
        pattern = path.split(separator: "/").map {
            switch $0 {
            case "{}": .parameter
            case "{...}": .remainder
            default: .literal(String($0))
            }
        }
        self.access = access
        self.handler = handler
    }

    /// The parameters, when `path` has this route's shape; literal segments compare
    /// case-insensitively (`deviceBound` and `devicebound` both appear in Azure's clients).
    func parameters(matching path: [String]) -> [String]? {
        let takesRest = pattern.last == .remainder
        guard takesRest ? path.count >= pattern.count : path.count == pattern.count else { return nil }
        var parameters: [String] = []
        for (index, segment) in pattern.enumerated() {
            switch segment {
            case .parameter: parameters.append(path[index])
            case .remainder: parameters.append(path[index...].joined(separator: "/"))
            case .literal(let literal): guard literal.caseInsensitiveCompare(path[index]) == .orderedSame else { return nil }
            }
        }
        return parameters
    }
}
