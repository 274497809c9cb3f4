import Foundation
import HubEngine
import JSONValue

/// IoT Plug and Play digital twins (`DigitalTwinClient`), served as views of the device twin:
/// reported properties are the twin's properties, a JSON-Patch `PATCH` becomes a desired
/// properties patch (202, as Azure answers), and a command is the direct method `cmd`, or
/// `component*cmd` for a component's command.
enum DigitalTwinOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.GET, "/digitaltwins/{}", .twinRead, getDigitalTwin),
        RESTRoute(.PATCH, "/digitaltwins/{}", .serviceConnect, updateDigitalTwin),
        RESTRoute(.POST, "/digitaltwins/{}/commands/{}", .serviceConnect, invokeCommand),
        RESTRoute(.POST, "/digitaltwins/{}/components/{}/commands/{}", .serviceConnect, invokeComponentCommand),
    ]

    /// `{"$dtId", <reported properties>, "$metadata": {"$model", <name>: {"desiredValue", "desiredVersion"}}}`.
    @Sendable static func getDigitalTwin(_ call: RESTCall) async throws -> RESTResponse {
        let twin = try await call.hub.twin(of: call.parameter(0))
        var document: JSONObject = ["$dtId": .string(call.parameter(0))]
        for (name, value) in userProperties(twin[path: ["properties", "reported"]]) {
            document[name] = value
        }
        var metadata: JSONObject = ["$model": twin["modelId"] ?? ""]
        let desiredVersion = twin[path: ["properties", "desired", "$version"]] ?? .null
        for (name, value) in userProperties(twin[path: ["properties", "desired"]]) {
            metadata[name] = ["desiredValue": value, "desiredVersion": desiredVersion]
        }
        document["$metadata"] = .object(metadata)
        return .json(.object(document), etag: twin["etag"]?.stringValue)
    }

    /// A JSON-Patch array (`add`, `replace`, `remove` on `/name` or `/component/name`) applied
    /// to the desired properties; 202 with the twin's new etag.
    @Sendable static func updateDigitalTwin(_ call: RESTCall) async throws -> RESTResponse {
        let desired = try desiredPatch(from: call.request.jsonBody())
        let twin = try await call.hub.updateTwin(
            of: call.parameter(0), patch: ["properties": ["desired": desired]], ifMatch: call.request.header("If-Match"))
        var response = RESTResponse(status: .accepted)
        if let etag = twin["etag"]?.stringValue { response.headers.add(name: "ETag", value: RESTResponse.quoted(etag)) }
        response.headers.add(name: "Location", value: "/digitaltwins/\(call.parameter(0))")
        return response
    }

    @Sendable static func invokeCommand(_ call: RESTCall) async throws -> RESTResponse {
        try await invoke(call, methodName: call.parameter(1))
    }

    @Sendable static func invokeComponentCommand(_ call: RESTCall) async throws -> RESTResponse {
        try await invoke(call, methodName: "\(call.parameter(1))*\(call.parameter(2))")
    }

    /// The command as a direct method; 200 with the device's payload as the body and its status
    /// in `x-ms-command-statuscode`.
    private static func invoke(_ call: RESTCall, methodName: String) async throws -> RESTResponse {
        let payload = call.request.body.isEmpty ? JSONValue.null : try call.request.jsonBody()
        let method = DirectMethodCall(
            methodName: methodName, payload: payload,
            responseTimeout: TimeInterval(try call.request.integerQuery("responseTimeoutInSeconds", in: 0...300) ?? 30),
            connectTimeout: TimeInterval(try call.request.integerQuery("connectTimeoutInSeconds", in: 0...300) ?? 0))
        let result = try await call.hub.invokeMethod(method, onDevice: call.parameter(0))
        var response = RESTResponse.json(result.payload)
        response.headers.add(name: "x-ms-command-statuscode", value: String(result.status))
        response.headers.add(name: "x-ms-request-id", value: UUID().uuidString.lowercased())
        return response
    }

    /// The members of a properties object that are properties, not `$version` or `$metadata`.
    private static func userProperties(_ properties: JSONValue?) -> [(String, JSONValue)] {
        (properties?.objectValue ?? [:]).filter { !$0.key.hasPrefix("$") }.map { ($0.key, $0.value) }
    }

    /// The desired-properties merge patch a JSON-Patch array describes: each `add` or `replace`
    /// sets its path, each `remove` sets it to `null` (a merge patch's delete).
    static func desiredPatch(from body: JSONValue) throws(RESTError) -> JSONValue {
        guard let operations = body.arrayValue else {
            throw .argumentInvalid(field: "body", rule: "must be a JSON Patch array such as [{\"op\":\"add\",\"path\":\"/x\",\"value\":1}]")
        }
        var patch = JSONValue.object([:])
        for (index, operation) in operations.enumerated() {
            let field = "body[\(index)]"
            guard let op = operation["op"]?.stringValue, ["add", "replace", "remove"].contains(op) else {
                throw .argumentInvalid(field: "\(field).op", rule: "must be add, replace or remove")
            }
            guard let pointer = operation["path"]?.stringValue, pointer.hasPrefix("/"), pointer.count > 1 else {
                throw .argumentInvalid(field: "\(field).path", rule: "must be a JSON Pointer such as /targetTemperature")
            }
            let path = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            if op == "remove" {
                patch.setValue(JSONValue.null, at: path)
            } else {
                guard let value = operation["value"] else {
                    throw .argumentInvalid(field: "\(field).value", rule: "is required for \(op)")
                }
                patch.setValue(value, at: path)
            }
        }
        return patch
    }
}
