import HubEngine
import JSONValue

/// `query: "SELECT ..."` with `expect: {count: N}`, `{atLeast: N}` or `{values: [...]}`: runs the
/// hub's own query engine, as `az iot hub query` and the service SDKs' `query_iot_hub` do, and
/// compares the rows (all pages).
public struct QueryCheck: LabCheckKind {
    public static let key = "query"
    enum Expectation {
        case count(Int)
        case atLeast(Int)
        case values([JSONValue])
    }

    let hubName: String
    let text: String
    let expectation: Expectation

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        text = try field.field.nonEmptyString()
        let expect = try field.check.required("expect")
        let members = try expect.members(allowing: ["count", "atLeast", "values"])
        guard members.count == 1, let (name, value) = members.first else {
            throw expect.error("give exactly one of count, atLeast, values")
        }
        switch name {
        case "count": expectation = .count(try value.integer(in: 0...1_000_000))
        case "atLeast": expectation = .atLeast(try value.integer(in: 1...1_000_000))
        default:
            guard case .array(let rows) = try value.json() else { throw value.error("must be a list of rows") }
            expectation = .values(rows)
        }
    }

    public var journalKinds: Set<String> { JournalKinds.twins }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected: String
        switch expectation {
        case .count(let count): expected = "\(count) row\(count == 1 ? "" : "s") from \(text)"
        case .atLeast(let count): expected = "at least \(count) row\(count == 1 ? "" : "s") from \(text)"
        case .values(let rows): expected = JSONValue.array(rows).serialized(.compact)
        }
        guard let hub = await context.hub(hubName) else { return CheckContext.noHub(hubName, expected: expected) }
        var rows: [JSONValue] = []
        var token: String?
        repeat {
            let page = try await hub.query(text, continuationToken: token)
            rows += page.items
            token = page.continuationToken
        } while token != nil
        switch expectation {
        case .count(let count):
            return CheckOutcome(passed: rows.count == count, expected: expected, actual: "\(rows.count) row\(rows.count == 1 ? "" : "s")")
        case .atLeast(let count):
            return CheckOutcome(passed: rows.count >= count, expected: expected, actual: "\(rows.count) row\(rows.count == 1 ? "" : "s")")
        case .values(let expectedRows):
            return CheckOutcome(passed: rows == expectedRows, expected: expected, actual: JSONValue.array(rows).serialized(.compact))
        }
    }
}
