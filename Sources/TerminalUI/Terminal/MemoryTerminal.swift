import Foundation

/// A terminal in memory: tests feed it keys, mouse clicks and resizes, and read every frame
/// the application presented.
public final class MemoryTerminal: Terminal, @unchecked Sendable {
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    // Guarded by `lock`: frames are presented from the loop's actor and read from the test.
    private var currentSize: Size
    private var presented: [Screen] = []
    private let lock = NSLock()

    public init(size: Size = Size(width: 80, height: 24)) {
        currentSize = size
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
    }

    public var size: Size { lock.withLock { currentSize } }

    public func present(_ frame: Screen) {
        lock.withLock { presented.append(frame) }
    }

    /// Every frame presented so far, oldest first.
    public var frames: [Screen] { lock.withLock { presented } }

    /// The frame on screen now.
    public var lastFrame: Screen? { lock.withLock { presented.last } }

    /// Delivers an input event, as a keypress or click would.
    public func send(_ event: InputEvent) {
        continuation.yield(event)
    }

    /// Delivers `text` as one key event per character.
    public func type(_ text: String) {
        for character in text { continuation.yield(.key(.character(character))) }
    }

    /// Changes the size and reports it, as SIGWINCH would.
    public func resize(to size: Size) {
        lock.withLock { currentSize = size }
        continuation.yield(.resize(size))
    }

    /// Ends the input stream, as a closed terminal would.
    public func close() {
        continuation.finish()
    }

    /// Returns once at least `count` frames were presented.
    public func waitForFrames(_ count: Int) async {
        while lock.withLock({ presented.count }) < count { await Task.yield() }
    }
}
