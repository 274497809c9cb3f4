import Foundation
import HubEngine
import LabCore
import LocalCloud
import NIOHTTP1

/// Turns a request into a response: finds the route, checks `api-version` and the credential
/// the route needs, runs the handler, and renders any refusal as IoT Hub does.
///
/// Every request gets an answer, errors included: the SDKs block on an unanswered request.
struct RESTRouter: Sendable {
    let cloud: LocalCloud
    /// The clock tokens are checked against: the SDKs sign with the real wall clock, while the
    /// lab clock may be fast-forwarded.
    let tokenClock: any LabClock
    let routes: [RESTRoute]
    /// Where file uploads are written and how big they were; `nil` refuses blob writes.
    let blobs: FileUploadBlobs?

    init(cloud: LocalCloud, tokenClock: any LabClock, blobs: FileUploadBlobs?, routes: [RESTRoute] = RESTRoutes.all) {
        self.cloud = cloud
        self.tokenClock = tokenClock
        self.blobs = blobs
        self.routes = routes
    }

    /// The response to `request`; `peer` supplies the TLS client certificate for device routes.
    func respond(to request: RESTRequest, peer: RESTPeer) async -> RESTResponse {
        if let provisioning = await ProvisioningRESTOperations.respond(to: request, peer: peer, cloud: cloud, tokenClock: tokenClock) {
            return provisioning
        }
        do {
            let (route, parameters) = try self.route(for: request)
            if case .blobUpload = route.access {} else if request.query["api-version"] == nil {
                throw RESTError.argumentInvalid(field: "api-version", rule: "the query parameter is required, e.g. api-version=2021-04-12")
            }
            let authorization = try await authorize(request, parameters: parameters, access: route.access, peer: peer)
            return try await route.handler(
                RESTCall(
                    request: request, parameters: parameters, authorization: authorization, peer: peer, blobs: blobs,
                    now: cloud.clock.now()))
        } catch let error as any AzureError {
            return .error(error, at: cloud.clock.now())
        } catch {
            return .unexpected(error, at: cloud.clock.now())
        }
    }

    /// The first route whose path and method match; a path no route has is 404, a path some
    /// route has under another method is 405. The blob route, which takes any path, is only a
    /// candidate for requests signed for Azure Storage (`sig=`), so `PUT /configurations/c1`
    /// is 404 like any operation iotlab does not serve, and `GET /a/b` is not "use PUT".
    private func route(for request: RESTRequest) throws(RESTError) -> (RESTRoute, [String]) {
        var pathExists = false
        for route in routes {
            if case .blobUpload = route.access, request.query["sig"] == nil { continue }
            guard let parameters = route.parameters(matching: request.path) else { continue }
            if route.method == request.method { return (route, parameters) }
            pathExists = true
        }
        let path = "/" + request.path.joined(separator: "/")
        if pathExists { throw .methodNotAllowed(method: request.method.rawValue, path: path) }
        throw .pathNotFound(path: path)
    }

    /// Checks the credential the route needs and names the hub it belongs to. The host name is
    /// the `Host` header, which keeps the hub's logical name or the alias the client used.
    private func authorize(_ request: RESTRequest, parameters: [String], access: RESTAccess, peer: RESTPeer) async throws -> RESTAuthorization {
        let hostName = request.header("Host") ?? ""
        let authorization = request.header("Authorization")
        switch access {
        case .service(let right, let alternatives):
            let service = try await authenticateService(
                hostName: hostName, authorization: authorization, right: right, alternatives: alternatives)
            return RESTAuthorization(hub: service.hub)
        case .device(let module):
            let certificates = await peer.certificates()
            let credentials = DeviceCredentials(
                hostName: hostName, deviceId: parameters.first ?? "", moduleId: module ? parameters.dropFirst().first : nil,
                sasToken: authorization, clientCertificate: certificates.leaf, certificateChain: certificates.chain)
            let device = try await cloud.authenticateDevice(credentials, at: tokenClock.now())
            return RESTAuthorization(hub: device.hub, sender: device.sender)
        case .blobUpload:
            let container = parameters.first ?? ""
            let blob = parameters.dropFirst().first ?? ""
            guard let signature = request.query["sig"],
                  let (hub, upload) = await cloud.blobUpload(containerName: container, blobName: blob, signature: signature)
            else {
                throw BlobUploadError.authenticationFailed(container: container, blob: blob)
            }
            return RESTAuthorization(hub: hub, upload: upload)
        }
    }

    /// Accepts a token whose policy holds `right` or, failing that, one of `alternatives`; when
    /// none does, the refusal for `right` is the one reported.
    private func authenticateService(
        hostName: String, authorization: String?, right: SharedAccessPolicy.Right, alternatives: [SharedAccessPolicy.Right]
    ) async throws(AuthenticationFailure) -> AuthenticatedService {
        do {
            return try await cloud.authenticateService(hostName: hostName, authorization: authorization, requiring: right, at: tokenClock.now())
        } catch {
            for alternative in alternatives {
                if let service = try? await cloud.authenticateService(
                    hostName: hostName, authorization: authorization, requiring: alternative, at: tokenClock.now()) {
                    return service
                }
            }
            throw error
        }
    }
}
