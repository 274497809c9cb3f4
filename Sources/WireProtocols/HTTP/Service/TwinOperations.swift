import HubEngine
import JSONValue

/// Device and module twins (`/twins/{id}`, `/twins/{id}/modules/{mid}`): GET, PUT (replace tags
/// and desired) and PATCH (JSON merge, `null` deletes), each answering the twin with its etag in
/// `ETag`. `If-Match` is honoured quoted, unquoted and as `*`; a stale etag is 412.
enum TwinOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.GET, "/twins/{}", .twinRead, getTwin),
        RESTRoute(.PUT, "/twins/{}", .serviceConnect, replaceTwin),
        RESTRoute(.PATCH, "/twins/{}", .serviceConnect, updateTwin),
        RESTRoute(.GET, "/twins/{}/modules/{}", .twinRead, getModuleTwin),
        RESTRoute(.PUT, "/twins/{}/modules/{}", .serviceConnect, replaceModuleTwin),
        RESTRoute(.PATCH, "/twins/{}/modules/{}", .serviceConnect, updateModuleTwin),
    ]

    @Sendable static func getTwin(_ call: RESTCall) async throws -> RESTResponse {
        .document(try await call.hub.twin(of: call.parameter(0)))
    }

    @Sendable static func replaceTwin(_ call: RESTCall) async throws -> RESTResponse {
        let document = try call.request.jsonBody()
        return .document(try await call.hub.replaceTwin(of: call.parameter(0), with: document, ifMatch: call.request.header("If-Match")))
    }

    @Sendable static func updateTwin(_ call: RESTCall) async throws -> RESTResponse {
        let patch = try call.request.jsonBody()
        return .document(try await call.hub.updateTwin(of: call.parameter(0), patch: patch, ifMatch: call.request.header("If-Match")))
    }

    @Sendable static func getModuleTwin(_ call: RESTCall) async throws -> RESTResponse {
        .document(try await call.hub.moduleTwin(of: call.parameter(1), on: call.parameter(0)))
    }

    @Sendable static func replaceModuleTwin(_ call: RESTCall) async throws -> RESTResponse {
        let document = try call.request.jsonBody()
        return .document(
            try await call.hub.replaceModuleTwin(
                of: call.parameter(1), on: call.parameter(0), with: document, ifMatch: call.request.header("If-Match")))
    }

    @Sendable static func updateModuleTwin(_ call: RESTCall) async throws -> RESTResponse {
        let patch = try call.request.jsonBody()
        return .document(
            try await call.hub.updateModuleTwin(
                of: call.parameter(1), on: call.parameter(0), patch: patch, ifMatch: call.request.header("If-Match")))
    }
}
