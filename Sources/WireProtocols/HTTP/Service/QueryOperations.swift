import HubEngine
import JSONValue

/// Twin queries (`POST /devices/query` with `{"query": "SELECT ..."}`): a JSON array per page,
/// the page size from `x-ms-max-item-count` (default 100, at most 1000, as Azure), the next page's
/// token in `x-ms-continuation` (absent on the last page), and `x-ms-item-type`.
enum QueryOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.POST, "/devices/query", .twinRead, query)
    ]

    /// Azure's default page size when the client names none.
    static let defaultPageSize = 100

    @Sendable static func query(_ call: RESTCall) async throws -> RESTResponse {
        guard let text = try call.request.jsonBody()["query"]?.stringValue else {
            throw RESTError.argumentInvalid(field: "query", rule: "is required and must be a string, e.g. {\"query\":\"SELECT * FROM devices\"}")
        }
        let pageSize = try call.request.integerHeader("x-ms-max-item-count", in: 1...Int.max) ?? defaultPageSize
        let page = try await call.hub.query(text, pageSize: pageSize, continuationToken: call.request.header("x-ms-continuation"))
        var response = RESTResponse.json(.array(page.items))
        response.headers.add(name: "x-ms-item-type", value: itemType(of: page.items))
        if let token = page.continuationToken {
            response.headers.add(name: "x-ms-continuation", value: token)
        }
        return response
    }

    /// `twin` when every row is a whole twin (`SELECT *`), else `raw` (projections, aggregates),
    /// the two types IoT Hub's twin queries report.
    static func itemType(of items: [JSONValue]) -> String {
        let twins = items.allSatisfy { $0["deviceId"] != nil && $0["properties"] != nil && $0["etag"] != nil }
        return twins ? "twin" : "raw"
    }
}
