import HubEngine
import JSONValue

/// `route: {name, probes: [{sends, to, notTo}]}` (or one probe inline: `{name, sends, to}`):
/// sends probe messages through the hub's device-message routes with the route tester and
/// asserts where each would land — the custom routes' endpoints, or the fallback route's when
/// none matched and the fallback is on (Azure's rule). It grades what the learner's routes do,
/// not how their conditions are spelled: `sensorID = "VSLog"` and `sensorID = 'VSLog'` both pass.
public struct RouteProbeCheck: LabCheckKind {
    public static let key = "route"

    struct Probe {
        var message: RouteTestMessage
        var summary: String
        var to: [String]
        var notTo: [String]
    }

    let hubName: String
    /// A route that must exist, be enabled and take every probe sent to its endpoints.
    let routeName: String?
    let probes: [Probe]

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["name", "probes", "sends", "to", "notTo"]))
        routeName = try members["name"]?.nonEmptyString()
        if let list = members["probes"] {
            guard members["sends"] == nil else { throw list.error("give 'probes' or one probe's 'sends', not both") }
            var probes: [Probe] = []
            for item in try list.sequence() {
                let probe = Dictionary(uniqueKeysWithValues: try item.members(allowing: ["sends", "to", "notTo"]))
                probes.append(try Self.probe(sends: try item.required("sends"), to: probe["to"], notTo: probe["notTo"], at: item))
            }
            guard !probes.isEmpty else { throw list.error("needs at least one probe") }
            self.probes = probes
        } else {
            probes = [try Self.probe(sends: try field.field.required("sends"), to: members["to"], notTo: members["notTo"], at: field.field)]
        }
    }

    private static func probe(sends: YAMLField, to: YAMLField?, notTo: YAMLField?, at field: YAMLField) throws(LabDefinitionError) -> Probe {
        let members = Dictionary(uniqueKeysWithValues: try sends.members(allowing: ["properties", "systemProperties", "body"]))
        func strings(_ field: YAMLField?) throws(LabDefinitionError) -> [String: String] {
            var values: [String: String] = [:]
            for (name, value) in try field?.members(allowing: Set(field?.memberNames ?? [])) ?? [] { values[name] = try value.string() }
            return values
        }
        let properties = try strings(members["properties"])
        let system = try strings(members["systemProperties"])
        let body = try members["body"].map { field throws(LabDefinitionError) in
            let value = try field.json()
            if case .string(let text) = value { return text }
            return value.serialized(.compact)
        }
        let toNames = try to?.strings() ?? []
        let notToNames = try notTo?.strings() ?? []
        guard !toNames.isEmpty || !notToNames.isEmpty else { throw field.error("a probe needs 'to' or 'notTo'") }
        let summary = (properties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + (body.map { [$0] } ?? []))
            .joined(separator: " ")
        var message = RouteTestMessage(body: Array((body ?? "").utf8), applicationProperties: properties, systemProperties: system)
        if body != nil, system["contentType"] == nil, system["content-type"] == nil {
            // A JSON body is only readable by conditions when sent as UTF-8 JSON (Azure's rule).
            message.systemProperties["contentType"] = "application/json"
            message.systemProperties["contentEncoding"] = "utf-8"
        }
        return Probe(message: message, summary: summary.isEmpty ? "an empty message" : summary, to: toNames, notTo: notToNames)
    }

    public var journalKinds: Set<String> { JournalKinds.routing }

    private func expectation(_ probe: Probe) -> String {
        "\(probe.summary) → " + ([probe.to.joined(separator: ", ")] + (probe.notTo.isEmpty ? [] : ["not " + probe.notTo.joined(separator: ", ")]))
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = (routeName.map { ["route \($0) enabled"] } ?? []) + probes.map(expectation)
        let expectedText = expected.joined(separator: " | ")
        guard let resource = try? await context.cloud.hub(named: hubName), let hub = await context.hub(hubName) else {
            return CheckContext.noHub(hubName, expected: expectedText)
        }
        let routing = resource.routing
        var named: MessageRoute?
        if let routeName {
            guard let route = routing.route(named: routeName), route.source == .deviceMessages else {
                return CheckOutcome(passed: false, expected: expectedText, actual: "no device-message route named \(routeName)")
            }
            guard route.isEnabled else { return CheckOutcome(passed: false, expected: expectedText, actual: "route \(route.name) is disabled") }
            named = route
        }
        var passed = true
        var actual: [String] = []
        for probe in probes {
            let result = try await hub.testRoutes(source: .deviceMessages, routeName: nil, message: probe.message)
            let matched = result.routes.filter { $0.isEnabled && $0.matched }
            var landed: [String] = []
            for name in matched.flatMap(\.endpointNames) where !landed.contains(where: { $0.lowercased() == name.lowercased() }) {
                landed.append(name)
            }
            if matched.isEmpty, routing.fallbackRoute.isEnabled { landed = routing.fallbackRoute.endpointNames }
            let lands = Set(landed.map { $0.lowercased() })
            var ok = probe.to.allSatisfy { lands.contains($0.lowercased()) } && !probe.notTo.contains { lands.contains($0.lowercased()) }
            if let named, probe.to.contains(where: { target in named.endpointNames.contains { $0.lowercased() == target.lowercased() } }),
                !matched.contains(where: { $0.name == named.name })
            {
                ok = false
            }
            passed = passed && ok
            let via = matched.isEmpty ? (landed.isEmpty ? "no route, fallback off" : "fallback route") : matched.map(\.name).joined(separator: ", ")
            actual.append("\(probe.summary) → \(landed.isEmpty ? "nowhere (orphaned)" : landed.joined(separator: ", ")) (via \(via))")
        }
        return CheckOutcome(passed: passed, expected: expectedText, actual: actual.joined(separator: " | "))
    }
}
