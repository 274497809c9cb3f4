import JSONValue
import NIOHTTP1

/// One HTTP response: status, headers and the whole body.
///
/// JSON answers are `application/json; charset=utf-8` (msrest refuses `text/plain`), and
/// identity and twin answers carry their etag as `ETag: "<etag>"`, as IoT Hub does.
struct RESTResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: [UInt8]

    init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `value` as compact JSON; `etag`, when given, is quoted into the `ETag` header.
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok, etag: String? = nil) -> RESTResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        if let etag { headers.add(name: "ETag", value: quoted(etag)) }
        return RESTResponse(status: status, headers: headers, body: value.compactBytes)
    }

    /// A JSON document whose `etag` member goes into the `ETag` header too (devices, modules, twins).
    static func document(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> RESTResponse {
        json(value, status: status, etag: value["etag"]?.stringValue)
    }

    /// 204: deletes, completes, and receives that found nothing.
    static let noContent = RESTResponse(status: .noContent)

    /// The etag in double quotes, unless it already has them.
    static func quoted(_ etag: String) -> String {
        etag.hasPrefix("\"") ? etag : "\"\(etag)\""
    }
}
