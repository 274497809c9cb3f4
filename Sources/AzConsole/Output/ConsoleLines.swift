import Foundation

/// Text a long-running command prints while it runs (`az iot hub monitor-events`), handed to the
/// front door's sink as it comes, or kept for the command's `ConsoleResult` when there is none.
///
/// az prints each event the moment it arrives; a terminal front door passes a sink that writes
/// to its standard output so the learner sees them live, while tests and one-shot callers get
/// everything in `standardOutput` when the command ends.
final class ConsoleLines: @unchecked Sendable {
    private let sink: (@Sendable (String) -> Void)?
    private let lock = NSLock()
    private var kept = ""

    init(sink: (@Sendable (String) -> Void)?) {
        self.sink = sink
    }

    /// Prints `text` followed by a newline, as Python's `print` does.
    func print(_ text: String) {
        if let sink {
            sink(text + "\n")
        } else {
            lock.withLock { kept += text + "\n" }
        }
    }

    /// What was printed without a sink, in order.
    var keptText: String { lock.withLock { kept } }
}
