import HubEngine
import JSONValue

/// The identity registry: devices and modules (`/devices/{id}`, `/devices/{id}/modules/{mid}`),
/// the device list, and bulk create/update/delete (`POST /devices`).
///
/// Azure's status codes, which the Python SDK checks exactly: 200 for create and update
/// (a 201 breaks `create_device_with_sas`), 204 for delete. A PUT without `If-Match` creates
/// (409 if the id is taken); with one it updates, `*` or the current etag, quoted or not.
enum RegistryOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.GET, "/devices", .registryRead, listDevices),
        RESTRoute(.POST, "/devices", .registryWrite, bulkUpdate),
        RESTRoute(.GET, "/devices/{}", .registryRead, getDevice),
        RESTRoute(.PUT, "/devices/{}", .registryWrite, putDevice),
        RESTRoute(.DELETE, "/devices/{}", .registryWrite, deleteDevice),
        RESTRoute(.GET, "/devices/{}/modules", .registryRead, listModules),
        RESTRoute(.GET, "/devices/{}/modules/{}", .registryRead, getModule),
        RESTRoute(.PUT, "/devices/{}/modules/{}", .registryWrite, putModule),
        RESTRoute(.DELETE, "/devices/{}/modules/{}", .registryWrite, deleteModule),
    ]

    /// Azure's largest `top` for `GET /devices`, and its default.
    static let maximumTop = 1000
    /// Azure's limit on entries in one bulk registry request.
    static let maximumBulkEntries = 100

    @Sendable static func listDevices(_ call: RESTCall) async throws -> RESTResponse {
        let top = try call.request.integerQuery("top", in: 1...maximumTop) ?? maximumTop
        return .json(.array(try await call.hub.devices(top: top).map(\.json)))
    }

    @Sendable static func getDevice(_ call: RESTCall) async throws -> RESTResponse {
        .document(try await call.hub.device(call.parameter(0)).json)
    }

    @Sendable static func putDevice(_ call: RESTCall) async throws -> RESTResponse {
        let body = try call.request.jsonBody().identifying(["deviceId": call.parameter(0)])
        let identity = try DeviceIdentity(json: body)
        let ifMatch = call.request.header("If-Match")
        let stored = if let ifMatch {
            try await call.hub.updateDevice(identity, ifMatch: ifMatch)
        } else {
            try await call.hub.createDevice(identity)
        }
        return .document(stored.json)
    }

    @Sendable static func deleteDevice(_ call: RESTCall) async throws -> RESTResponse {
        try await call.hub.deleteDevice(call.parameter(0), ifMatch: call.request.header("If-Match"))
        return .noContent
    }

    @Sendable static func listModules(_ call: RESTCall) async throws -> RESTResponse {
        .json(.array(try await call.hub.modules(on: call.parameter(0)).map(\.json)))
    }

    @Sendable static func getModule(_ call: RESTCall) async throws -> RESTResponse {
        .document(try await call.hub.module(call.parameter(1), on: call.parameter(0)).json)
    }

    @Sendable static func putModule(_ call: RESTCall) async throws -> RESTResponse {
        let body = try call.request.jsonBody().identifying(["deviceId": call.parameter(0), "moduleId": call.parameter(1)])
        let identity = try ModuleIdentity(json: body)
        let ifMatch = call.request.header("If-Match")
        let stored = if let ifMatch {
            try await call.hub.updateModule(identity, ifMatch: ifMatch)
        } else {
            try await call.hub.createModule(identity)
        }
        return .document(stored.json)
    }

    @Sendable static func deleteModule(_ call: RESTCall) async throws -> RESTResponse {
        try await call.hub.deleteModule(call.parameter(1), on: call.parameter(0), ifMatch: call.request.header("If-Match"))
        return .noContent
    }

    /// `POST /devices`: an array of `ExportImportDevice` entries, each judged on its own; 200
    /// with `isSuccessful: true`, or 400 with the refused entries (both are success to the SDK).
    @Sendable static func bulkUpdate(_ call: RESTCall) async throws -> RESTResponse {
        guard let entries = try call.request.jsonBody().arrayValue else {
            throw RESTError.argumentInvalid(field: "body", rule: "must be a JSON array of devices with an importMode")
        }
        guard entries.count <= maximumBulkEntries else {
            throw RESTError.argumentInvalid(field: "body", rule: "holds \(entries.count) devices; at most \(maximumBulkEntries) are allowed per request")
        }
        var devices: [ExportImportDevice] = []
        for (index, entry) in entries.enumerated() {
            do {
                devices.append(try ExportImportDevice(json: entry))
            } catch {
                throw RESTError.argumentInvalid(field: "body[\(index)]", rule: error.message)
            }
        }
        let report = await call.hub.importDevices(devices)
        return .json(report.json, status: report.isSuccessful ? .ok : .badRequest)
    }
}
