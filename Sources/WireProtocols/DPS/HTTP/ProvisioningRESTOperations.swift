import Foundation
import LabCore
import LocalCloud
import NIOHTTP1
import ProvisioningEngine

/// The DPS device REST API on the HTTPS port (Azure's "Device - Runtime Registration"):
/// `PUT /{idScope}/registrations/{registrationId}/register` and
/// `GET /{idScope}/registrations/{registrationId}/operations/{operationId}`, `api-version` required.
///
/// The device authenticates with a SAS token in `Authorization` (`sr={idScope}/registrations/{id}`),
/// with the client certificate of the TLS handshake (X.509), or with its TPM: the first request
/// carries the endorsement key in the body and is answered 401 with the nonce encrypted to it
/// (`authenticationKey`), the second carries a token signed with that nonce. Answers are DPS's:
/// 202 `assigning` with `Retry-After`, 200 `assigned`, errors as `ProvisioningServiceErrorDetails`.
enum ProvisioningRESTOperations {
    /// The answer when `request` is for the DPS device API, `nil` when it is an IoT Hub request.
    /// DPS paths start with an ID scope (`0ne…`) then `registrations`, which no IoT Hub path
    /// does, so a hub device or blob container called `registrations` still reaches the hub.
    static func respond(to request: RESTRequest, peer: RESTPeer, cloud: LocalCloud, tokenClock: any LabClock) async -> RESTResponse? {
        let path = request.path
        guard path.count >= 4, path[0].lowercased().hasPrefix("0ne"), path[1].caseInsensitiveCompare("registrations") == .orderedSame,
              request.query["sig"] == nil
        else { return nil }
        let idScope = path[0]
        let registrationId = path[2]
        let answer: ProvisioningAnswer
        do {
            guard request.query["api-version"] != nil else {
                throw RESTError.argumentInvalid(field: "api-version", rule: "the query parameter is required, e.g. api-version=2021-06-01")
            }
            switch (request.method, path.count, path[3].lowercased()) {
            case (.PUT, 4, "register"):
                let body = try ProvisioningRegisterRequest(body: request.body, registrationId: registrationId)
                let credential = await credential(for: request, body: body, peer: peer)
                let operation = try await cloud.register(
                    idScope: idScope, registrationId: registrationId, payload: body.payload, credential: credential, at: tokenClock.now())
                answer = ProvisioningAnswer(operation)
            case (.GET, 5, "operations"):
                let operation = try await cloud.registrationOperation(idScope: idScope, registrationId: registrationId, operationId: path[4])
                answer = ProvisioningAnswer(operation)
            case (_, 4, "register"), (_, 5, "operations"):
                throw RESTError.methodNotAllowed(method: request.method.rawValue, path: "/" + path.joined(separator: "/"))
            default:
                throw RESTError.pathNotFound(path: "/" + path.joined(separator: "/"))
            }
        } catch let error as any AzureError {
            answer = ProvisioningAnswer(error, at: cloud.clock.now())
        } catch {
            answer = ProvisioningAnswer(UnexpectedServerError(reason: String(describing: error)), at: cloud.clock.now())
        }
        var response = RESTResponse.json(answer.body, status: HTTPResponseStatus(statusCode: answer.status))
        if let seconds = answer.retryAfterSeconds { response.headers.add(name: "Retry-After", value: String(seconds)) }
        return response
    }

    /// TPM when the body carries an endorsement key; otherwise the SAS token, or, with no
    /// `Authorization`, the certificate chain the client presented.
    private static func credential(for request: RESTRequest, body: ProvisioningRegisterRequest, peer: RESTPeer) async -> RegistrationCredential {
        let authorization = request.header("Authorization")
        if let endorsementKey = body.endorsementKey {
            return .tpm(endorsementKey: endorsementKey, storageRootKey: body.storageRootKey, sasToken: authorization)
        }
        if let authorization { return .sasToken(authorization) }
        return .presented(await peer.certificates())
    }
}
