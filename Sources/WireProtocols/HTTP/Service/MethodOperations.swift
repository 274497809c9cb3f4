import Foundation
import HubEngine
import JSONValue

/// Direct methods (`POST /twins/{id}/methods`, `POST /twins/{id}/modules/{mid}/methods`):
/// 200 with `{"status", "payload"}` once the device answers; 404 DeviceNotOnline (404103) when
/// it is not connected and subscribed, 504 GatewayTimeout (504101) when it does not answer.
enum MethodOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.POST, "/twins/{}/methods", .serviceConnect, invokeDeviceMethod),
        RESTRoute(.POST, "/twins/{}/modules/{}/methods", .serviceConnect, invokeModuleMethod),
    ]

    @Sendable static func invokeDeviceMethod(_ call: RESTCall) async throws -> RESTResponse {
        let method = try methodCall(from: call.request.jsonBody())
        return .json(try await call.hub.invokeMethod(method, onDevice: call.parameter(0)).json)
    }

    @Sendable static func invokeModuleMethod(_ call: RESTCall) async throws -> RESTResponse {
        let method = try methodCall(from: call.request.jsonBody())
        return .json(try await call.hub.invokeMethod(method, onDevice: call.parameter(0), module: call.parameter(1)).json)
    }

    /// `{"methodName", "payload", "responseTimeoutInSeconds", "connectTimeoutInSeconds"}`; the
    /// timeouts default as Azure's do (30 and 0) and their ranges are the hub's to check. The
    /// Python SDK sends a `None` payload as `""`, which reaches the device as `""`.
    static func methodCall(from body: JSONValue) throws(RESTError) -> DirectMethodCall {
        guard let members = body.objectValue else {
            throw .argumentInvalid(field: "body", rule: "must be a JSON object with a methodName")
        }
        guard let name = members["methodName"]?.stringValue else {
            throw .argumentInvalid(field: "methodName", rule: "is required and must be a string")
        }
        return DirectMethodCall(
            methodName: name, payload: members["payload"] ?? .null,
            responseTimeout: try seconds(members, "responseTimeoutInSeconds") ?? 30,
            connectTimeout: try seconds(members, "connectTimeoutInSeconds") ?? 0)
    }

    private static func seconds(_ members: JSONObject, _ name: String) throws(RESTError) -> TimeInterval? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let seconds = value.doubleValue else {
            throw .argumentInvalid(field: name, rule: "must be a number of seconds; it is \(value.typeName)")
        }
        return seconds
    }
}
