import Courseware
import TerminalUI

/// The step's checks as the runner shows them: ✓ passed, ✗ failed with expected, actual and
/// the explanation, ! could not run, … not graded yet.
enum CheckList {
    static func lines(for step: LabStep, results: [CheckResult], width: Int, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        for check in step.checks {
            guard let result = results.first(where: { $0.checkId == check.id }) else {
                lines.append(StyledLine([Span("… ", style: theme.dim), Span(check.id, style: theme.dim), Span("  pending", style: theme.dim)]))
                continue
            }
            switch result.status {
            case .pass:
                lines.append(StyledLine([Span("✓ ", style: theme.success), Span(check.id, style: theme.success), Span("  " + result.actual, style: theme.dim)]))
            case .fail:
                lines.append(StyledLine([Span("✗ ", style: theme.error), Span(check.id, style: theme.error)]))
                lines.append(StyledLine([Span("    expected: ", style: theme.dim), Span(result.expected)]))
                lines.append(StyledLine([Span("    actual:   ", style: theme.dim), Span(result.actual)]))
                if !result.message.isEmpty { lines.append(StyledLine("    " + result.message, style: theme.emphasis)) }
            case .error:
                lines.append(StyledLine([Span("! ", style: theme.warning), Span(check.id, style: theme.warning), Span("  " + result.message)]))
            }
        }
        return lines.flatMap { $0.wrapped(toWidth: width, indent: 4) }
    }
}
