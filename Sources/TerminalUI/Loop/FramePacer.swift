import Foundation

/// Decides when to draw: at once when the last frame is old enough or the learner pressed a
/// key, otherwise once at the end of the frame interval, however many changes arrive in between.
///
/// It is a value with no clock of its own — callers pass `now` — so coalescing is tested by
/// stepping dates, and `FrameLoop` drives it with whatever `LabClock` it was given.
public struct FramePacer: Hashable, Sendable {
    public enum Decision: Hashable, Sendable {
        /// Nothing changed since the last frame.
        case idle
        case drawNow
        /// Draw at this instant; changes until then go into the same frame.
        case drawAt(Date)
    }

    /// The shortest time between two frames.
    public let minimumInterval: TimeInterval
    public private(set) var lastFrame: Date?
    public private(set) var needsFrame = false
    /// The learner is waiting on the next frame (a key or a click changed it).
    public private(set) var isUrgent = false

    /// `framesPerSecond` is clamped to 1...120; the workbench uses 30.
    public init(framesPerSecond: Double = 30) {
        minimumInterval = 1 / min(120, max(1, framesPerSecond))
    }

    /// Something on screen changed.
    public mutating func invalidate() {
        needsFrame = true
    }

    /// A key or a click changed the screen: its frame is drawn at once rather than at the end
    /// of the interval, so a keypress never waits out the pacing that a flood of telemetry
    /// needs (htop and lazygit answer a key immediately whatever their refresh rate). Keys
    /// arrive at human speed, so this does not undo the coalescing of messages.
    public mutating func invalidateForInput() {
        needsFrame = true
        isUrgent = true
    }

    public func decision(at now: Date) -> Decision {
        guard needsFrame else { return .idle }
        guard let lastFrame, !isUrgent else { return .drawNow }
        let due = lastFrame.addingTimeInterval(minimumInterval)
        return now >= due ? .drawNow : .drawAt(due)
    }

    /// A frame was drawn at `now`.
    public mutating func didDraw(at now: Date) {
        lastFrame = now
        needsFrame = false
        isUrgent = false
    }
}
