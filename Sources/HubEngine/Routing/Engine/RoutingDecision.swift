import Foundation
import IoTQuery
import JSONValue
import LabCore

/// Where one message went and why: every route of its source considered, each condition's
/// reads and result, whether the fallback route applied, and the enrichments stamped per endpoint.
///
/// The route tester and the routing pane show this; the journal keeps it (`MessageRouted`)
/// beside the delivery so a learner can ask afterwards why a message reached an endpoint or not.
///
/// A message is decided without its trace (which routes matched, where it went, each route's
/// error); `routes` rebuilds the trace when read by evaluating the routes again on the same
/// message and twin with the routing it was decided with, which gives the same outcome since
/// routing is deterministic. Few of the decisions made are ever shown.
public struct RoutingDecision: Sendable, Equatable {
    /// One route's part in the decision.
    public struct RouteTrace: Sendable, Equatable {
        public var name: String
        public var condition: String
        public var endpointNames: [String]
        public var isEnabled: Bool
        /// The condition's outcome; `nil` for a disabled route, which is not evaluated.
        public var evaluation: RoutingEvaluation?

        /// Whether the route took the message.
        public var matched: Bool { evaluation?.matched ?? false }
    }

    /// One enrichment stamped on the copy of the message an endpoint received.
    public struct AppliedEnrichment: Sendable, Equatable {
        public var endpointName: String
        public var key: String
        public var value: String
    }

    /// Where the message came from.
    public var source: RoutingSource { basis.source }
    /// The device the message came from or is about.
    public var deviceId: String { basis.message.systemProperties.connectionDeviceId ?? "" }
    public var moduleId: String? { basis.message.systemProperties.connectionModuleId }
    public var messageId: String? { basis.message.systemProperties.messageId }
    public var enqueuedTime: Date { basis.message.systemProperties.enqueuedTime }
    /// The custom routes of the source, in the configuration's order, each with its trace.
    public var routes: [RouteTrace] { basis.traces() }
    /// Whether the message went to the fallback route's endpoint because no route matched.
    public var fallbackApplied: Bool { basis.fallbackApplied }
    /// The endpoints the message was delivered to, each once, in route order.
    public var endpoints: [String] { basis.endpoints }
    public var enrichments: [AppliedEnrichment] { basis.enrichments }
    /// What the decision was made from and what it found, kept by reference: a decision is
    /// copied into its receipt, the batch's bookkeeping and the recent decisions, and copying
    /// one pointer there cost nothing where copying each member cost a retain per string.
    let basis: RoutingBasis

    init(basis: RoutingBasis) {
        self.basis = basis
    }

    /// Whether no route, not even the fallback, took the message (Azure's "orphaned").
    public var isOrphaned: Bool { endpoints.isEmpty }

    public static func == (lhs: RoutingDecision, rhs: RoutingDecision) -> Bool {
        lhs.source == rhs.source && lhs.deviceId == rhs.deviceId && lhs.moduleId == rhs.moduleId && lhs.messageId == rhs.messageId
            && lhs.enqueuedTime == rhs.enqueuedTime && lhs.fallbackApplied == rhs.fallbackApplied && lhs.endpoints == rhs.endpoints
            && lhs.enrichments == rhs.enrichments && lhs.routes == rhs.routes
    }

    /// The decision as the journal and `--output json` show it.
    public var json: JSONValue {
        var members: JSONObject = ["source": .string(source.rawValue), "deviceId": .string(deviceId)]
        if let moduleId { members["moduleId"] = .string(moduleId) }
        if let messageId { members["messageId"] = .string(messageId) }
        members["enqueuedTime"] = .string(AzureTimestamp.string(enqueuedTime))
        members["routes"] = .array(routes.map(\.json))
        members["fallbackApplied"] = .bool(fallbackApplied)
        members["endpoints"] = .array(endpoints.map(JSONValue.string))
        members["enrichments"] = .array(enrichments.map { ["endpointName": .string($0.endpointName), "key": .string($0.key), "value": .string($0.value)] })
        return .object(members)
    }
}

extension RoutingDecision.RouteTrace {
    /// The trace of one route, with the values its condition read.
    public var json: JSONValue {
        var members: JSONObject = [
            "name": .string(name), "condition": .string(condition), "endpointNames": .array(endpointNames.map(JSONValue.string)),
            "isEnabled": .bool(isEnabled), "matched": .bool(matched),
        ]
        if let evaluation {
            members["result"] = evaluation.result ?? .string("undefined")
            members["reads"] = .array(evaluation.reads.map { read in
                var entry: JSONObject = ["path": .string(read.path), "value": read.value ?? .string("undefined")]
                if let reason = read.reason { entry["reason"] = .string(reason) }
                return .object(entry)
            })
            if let error = evaluation.error { members["error"] = .string(error) }
        }
        return .object(members)
    }
}
