import HubEngine
import TerminalUI

extension RouteTesterPane {
    /// The most of a body shown on an endpoint's copy.
    static let bodyPreview = 160

    /// The hub's decision as the pane shows it: each route with its condition's trace (the
    /// values it read, what it evaluated to, why it did not match), the fallback route applied
    /// or not (lab 3's surprise: a message a custom route takes leaves `events`), and the copy
    /// each endpoint would receive, enrichments stamped.
    static func lines(for report: RouteTestReport, theme: Theme) -> [StyledLine] {
        let all = "all \(report.source.rawValue) routes"
        var lines = [StyledLine([
            Span(report.routeName.map { "Route \($0)" } ?? "All \(report.source.rawValue) routes", style: theme.strong),
            Span(" · " + (report.deviceId.map { "twin of \($0)" } ?? "no device twin"), style: theme.dim),
        ])]
        if report.routes.isEmpty { lines.append(StyledLine("No custom route for \(report.source.rawValue).", style: theme.dim)) }
        for trace in report.routes { lines += Self.lines(for: trace, theme: theme) }
        lines += fallbackLines(report, theme: theme)
        lines.append(StyledLine(report.routeName == nil ? "Lands in" : "Lands in (with \(all))", style: theme.heading))
        if report.isOrphaned {
            lines.append(StyledLine("  nowhere: no route takes the message, it is dropped (orphaned)", style: theme.warning))
        }
        for delivery in report.deliveries {
            var endpoint = StyledLine([Span("  ▸ "), Span(delivery.endpointName, style: theme.strong)])
            if report.fallbackApplied { endpoint.append("  via the fallback route", style: theme.dim) }
            lines.append(endpoint)
            if !delivery.enrichments.isEmpty {
                let stamped = delivery.enrichments.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                lines.append(StyledLine([Span("    enriched: ", style: theme.dim), Span(stamped, style: theme.success)]))
            }
            let properties = delivery.message.applicationProperties.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines.append(StyledLine([Span("    properties: ", style: theme.dim), Span(properties.isEmpty ? "(none)" : properties)]))
            let body = String(decoding: delivery.message.body, as: UTF8.self)
            let shown = body.count > bodyPreview ? String(body.prefix(bodyPreview)) + "…" : body
            lines.append(StyledLine([Span("    body: ", style: theme.dim), Span(shown.isEmpty ? "(empty)" : shown, style: theme.code)]))
        }
        return lines
    }

    /// One route: matched, not matched or disabled, its condition, each value the condition
    /// read (or why it was undefined), the result and the engine's reason for no match.
    static func lines(for trace: RoutingDecision.RouteTrace, theme: Theme) -> [StyledLine] {
        let endpoints = " → " + trace.endpointNames.joined(separator: ", ")
        guard let evaluation = trace.evaluation else {
            return [
                StyledLine([Span("○ \(trace.name)", style: theme.dim), Span(endpoints, style: theme.dim), Span("  disabled: not evaluated", style: theme.dim)]),
                StyledLine("    \(trace.condition)", style: theme.dim),
            ]
        }
        var lines = [StyledLine([
            Span(trace.matched ? "✓ " : "✗ ", style: trace.matched ? theme.success : theme.error),
            Span(trace.name, style: trace.matched ? theme.success.adding(.bold) : theme.strong), Span(endpoints),
            Span(trace.matched ? "  matched" : "  no match", style: theme.dim),
        ])]
        lines.append(StyledLine([Span("    where ", style: theme.dim), Span(trace.condition, style: theme.code)]))
        for read in evaluation.reads {
            if let value = read.value {
                lines.append(StyledLine([Span("    " + read.path), Span(" = " + value.serialized(), style: theme.jsonString)]))
            } else {
                lines.append(StyledLine([Span("    " + read.path), Span(" undefined: " + (read.reason ?? "missing"), style: theme.warning)]))
            }
        }
        lines.append(StyledLine([Span("    evaluates to ", style: theme.dim), Span(evaluation.result?.serialized() ?? "undefined", style: theme.strong)]))
        if let error = evaluation.error { lines.append(StyledLine("    ! " + error, style: theme.warning)) }
        return lines
    }

    /// The fallback route's part, highlighted when it took the message and explained when it
    /// did not (a custom route matched, so the message leaves the fallback's endpoint).
    static func fallbackLines(_ report: RouteTestReport, theme: Theme) -> [StyledLine] {
        let fallback = report.fallbackRoute
        var lines = [StyledLine([
            Span("Fallback route ", style: theme.heading), Span(fallback.name, style: theme.strong),
            Span(" → " + fallback.endpointNames.joined(separator: ", ")),
        ])]
        let endpoints = fallback.endpointNames.joined(separator: ", ")
        if report.source != .deviceMessages {
            lines.append(StyledLine("  not for \(report.source.rawValue): the fallback route takes device messages only", style: theme.dim))
        } else if report.fallbackApplied {
            lines.append(StyledLine(" ⚑ APPLIED: no route matched, so the message goes to \(endpoints) ", style: theme.selection.adding(.bold)))
        } else if !fallback.isEnabled {
            lines.append(StyledLine(" ⚑ disabled: a message no route takes is dropped ", style: theme.warning))
        } else if report.isOrphaned {
            lines.append(StyledLine(" ⚑ not applied: its condition \(fallback.condition) did not match, so the message is dropped ", style: theme.warning))
        } else {
            let matched = report.routes.filter(\.matched).map(\.name)
            let why = matched.isEmpty ? "another route of \(report.source.rawValue) matched" : matched.joined(separator: ", ") + " matched"
            lines.append(StyledLine(
                " ⚑ NOT APPLIED: \(why), so the message leaves \(endpoints) (it gets there only through a route to it) ",
                style: theme.warning.adding(.bold)))
        }
        return lines
    }
}
