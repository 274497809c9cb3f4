import Foundation
import JSONValue
import NIOHTTP1

/// One HTTP request as the REST routes see it: the path already split and percent-decoded,
/// the query as a dictionary, the whole body in memory.
///
/// The SDKs escape ids in paths with `quote(id, safe="")`, so a segment such as `a%2Fb` is the
/// one id `a/b`, never two segments; splitting happens before decoding for that reason.
struct RESTRequest: Sendable {
    var method: HTTPMethod
    /// The decoded path segments: `/twins/d1/methods` is `["twins", "d1", "methods"]`.
    var path: [String]
    /// Query parameters, decoded; a name given without `=` (`?reject`) maps to an empty string.
    var query: [String: String]
    var headers: HTTPHeaders
    var body: [UInt8]

    /// Splits `uri` into decoded segments and query; a segment or parameter that is not valid
    /// percent-encoding is refused naming it, rather than routed under a guessed name.
    init(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: [UInt8]) throws(RESTError) {
        self.method = method
        self.headers = headers
        self.body = body
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var segments: [String] = []
        for raw in (parts.first ?? "").split(separator: "/") {
            guard let decoded = String(raw).removingPercentEncoding else {
                throw .argumentInvalid(field: "path", rule: "segment '\(raw)' is not valid percent-encoding")
            }
            segments.append(decoded)
        }
        path = segments
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.decodedQueryText(nameValue[0])
                let value = nameValue.count == 2 ? Self.decodedQueryText(nameValue[1]) : ""
                guard let name, let value else {
                    throw .argumentInvalid(field: "query", rule: "parameter '\(pair)' is not valid percent-encoding")
                }
                query[name] = value
            }
        }
        self.query = query
    }

    /// Form-style decoding: `+` is a space, then percent escapes.
    private static func decodedQueryText(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value of a header, case-insensitively, as HTTP names are.
    func header(_ name: String) -> String? {
        headers.first(name: name)
    }

    /// The body as JSON; an empty or malformed body is `ArgumentInvalid` naming the position
    /// the parser stopped at.
    func jsonBody() throws(RESTError) -> JSONValue {
        guard !body.isEmpty else { throw .argumentInvalid(field: "body", rule: "a JSON body is required") }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .argumentInvalid(field: "body", rule: "must be UTF-8 JSON")
        }
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw .argumentInvalid(field: "body", rule: "is not valid JSON: \(error)")
        }
    }
}
