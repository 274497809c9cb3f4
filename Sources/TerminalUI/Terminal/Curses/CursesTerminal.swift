import CNCurses
import Dispatch
import Foundation

/// Why the terminal could not be opened.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// curses could not set up the terminal (not a tty, or an unknown `TERM`).
    case notATerminal(term: String)
    /// `start()` was called on a terminal that already ran.
    case alreadyStarted

    public var description: String {
        switch self {
        case .notATerminal(let term):
            "cannot open the terminal (TERM=\(term)): the workbench needs an interactive terminal; use the `lab` subcommands in scripts"
        case .alreadyStarted:
            "the terminal was already started"
        }
    }
}

/// The real terminal, through ncurses (wide-character build).
///
/// curses is not thread-safe, so every curses call happens on one thread this class starts:
/// it sleeps in `poll` on the keyboard and a wake-up pipe, reads every key waiting
/// (`wget_wch`), and draws the newest frame handed over by `present(_:)` — frames that arrive
/// faster are replaced, never queued.
/// Only changed rows are sent to curses. `Ctrl-L` repaints the whole terminal; a resize is
/// reported as `.resize` and the next frame is drawn from scratch. SIGINT, SIGTERM and SIGHUP
/// are reported as `.terminate`, and `stop()` restores the terminal (`endwin`), which
/// `withTerminal(options:_:)` guarantees on every exit path.
public final class CursesTerminal: Terminal, @unchecked Sendable {
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    private let options: TerminalOptions
    private let environment: [String: String]
    private let wakePipe = WakePipe()

    // Guarded by `lock`: shared between the curses thread and the rest of the program.
    private var mailbox = Mailbox()
    private let lock = NSLock()

    private struct Mailbox {
        var frame: Screen?
        var size = Size(width: 80, height: 24)
        var stopRequested = false
        var started = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var finished = false
        var signalSources: [any DispatchSourceSignal] = []
    }

    private static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// `environment` is read for `TERM` and `NO_COLOR`.
    public init(options: TerminalOptions = TerminalOptions(), environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
    }

    /// Opens the terminal (full screen, raw keys, mouse when enabled) and starts reading input.
    public func start() async throws(TerminalError) {
        let alreadyStarted = lock.withLock {
            defer { mailbox.started = true }
            return mailbox.started
        }
        if alreadyStarted { throw .alreadyStarted }
        installSignalHandlers()
        let result = await withCheckedContinuation { (started: CheckedContinuation<Result<Void, TerminalError>, Never>) in
            let thread = Thread { [self] in runCursesThread(started: started) }
            thread.name = "iotlab.curses"
            thread.start()
        }
        if case .failure(let error) = result {
            removeSignalHandlers()
            throw error
        }
    }

    /// Restores the terminal and ends `events`; returns when curses has let go of it.
    public func stop() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let done = lock.withLock {
                if mailbox.finished || !mailbox.started { return true }
                mailbox.stopRequested = true
                mailbox.stopWaiters.append(waiter)
                return false
            }
            if done { waiter.resume() } else { wakePipe?.wake() }
        }
        removeSignalHandlers()
    }

    /// Runs `body` with a started terminal and restores the terminal afterwards, also when
    /// `body` throws.
    public static func withTerminal<T: Sendable>(
        options: TerminalOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (CursesTerminal) async throws -> T
    ) async throws -> T {
        let terminal = CursesTerminal(options: options, environment: environment)
        try await terminal.start()
        do {
            let result = try await body(terminal)
            await terminal.stop()
            return result
        } catch {
            await terminal.stop()
            throw error
        }
    }

    public var size: Size { lock.withLock { mailbox.size } }

    public func present(_ frame: Screen) {
        let wasEmpty = lock.withLock {
            defer { mailbox.frame = frame }
            return mailbox.frame == nil
        }
        if wasEmpty { wakePipe?.wake() }
    }

    // MARK: The curses thread

    private func runCursesThread(started: CheckedContinuation<Result<Void, TerminalError>, Never>) {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(Int32(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        // Duplicates, so closing curses' streams at the end leaves the process's stdin and
        // stdout open for whatever the program prints after the workbench.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            started.resume(returning: .failure(.notATerminal(term: environment["TERM"] ?? "")))
            finish()
            return
        }
        guard let wakePipe, let screen = newterm(nil, output, input) else {
            fclose(output)
            fclose(input)
            started.resume(returning: .failure(.notATerminal(term: environment["TERM"] ?? "")))
            finish()
            return
        }
        let window = iotlab_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(0)
        let colorEnabled = options.color == .automatic
            && !TerminalOptions.colorIsDisabled(by: environment) && has_colors()
        if colorEnabled {
            start_color()
            use_default_colors()
        }
        var palette = CursesPalette(enabled: colorEnabled, colors: Int(iotlab_colors()), maxPairs: Int(iotlab_color_pairs()))
        if options.mouse {
            mousemask(iotlab_mouse_all(), nil)
            mouseinterval(0)
        }
        nodelay(window, true)
        var keyboard = fileno(input)
        lock.withLock { mailbox.size = Size(width: Int(iotlab_cols()), height: Int(iotlab_lines())) }
        started.resume(returning: .success(()))

        var shown: Screen?
        while true {
            // SIGWINCH may be delivered to another thread, so poll wakes every 100 ms to let
            // curses report a resize.
            var waiting = [pollfd(fd: keyboard, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
            _ = poll(&waiting, 2, 100)
            if waiting[1].revents != 0 { wakePipe.drain() }
            if waiting[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The terminal went away: ask the application to quit, and stop polling it.
                keyboard = -1
                continuation.yield(.terminate)
            }
            while true {
                var code: wint_t = 0
                let status = wget_wch(window, &code)
                if status == ERR { break }
                guard let event = CursesInput.decode(status: status, code: UInt32(code)) else { continue }
                switch event {
                case .key(.control("l")):
                    clearok(iotlab_curscr(), true)
                    wrefresh(window)
                case .resize(let size):
                    lock.withLock { mailbox.size = size }
                    shown = nil
                    continuation.yield(event)
                default:
                    continuation.yield(event)
                }
            }
            let (frame, stop) = lock.withLock {
                defer { mailbox.frame = nil }
                return (mailbox.frame, mailbox.stopRequested)
            }
            if stop { break }
            if let frame {
                draw(frame, over: shown, window: window, palette: &palette)
                shown = frame
            }
        }
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
        finish()
    }

    /// Sends the rows of `frame` that differ from `shown`; everything when `shown` is nil or
    /// of another size.
    private func draw(_ frame: Screen, over shown: Screen?, window: UnsafeMutablePointer<WINDOW>?, palette: inout CursesPalette) {
        let width = min(frame.size.width, Int(iotlab_cols()))
        let height = min(frame.size.height, Int(iotlab_lines()))
        let previous = shown?.size == frame.size ? shown : nil
        if previous == nil { werase(window) }
        for y in 0..<height {
            let start = y * frame.size.width
            if let previous, previous.cells[start..<(start + frame.size.width)] == frame.cells[start..<(start + frame.size.width)] {
                continue
            }
            var x = 0
            while x < width {
                let style = frame[x, y].style
                let runStart = x
                var run = ""
                while x < width, frame[x, y].style == style {
                    let cell = frame[x, y]
                    if !cell.isContinuation { run.append(cell.character) }
                    x += 1
                }
                let (attributes, pair) = palette.attributes(for: style)
                wattr_set(window, attributes, pair, nil)
                wmove(window, Int32(y), Int32(runStart))
                waddstr(window, run)
            }
        }
        wattr_set(window, iotlab_a_normal(), 0, nil)
        if let cursor = frame.cursor, cursor.x < width, cursor.y < height {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func finish() {
        let waiters = lock.withLock {
            mailbox.finished = true
            defer { mailbox.stopWaiters.removeAll() }
            return mailbox.stopWaiters
        }
        continuation.finish()
        for waiter in waiters { waiter.resume() }
    }

    // MARK: Signals

    private func installSignalHandlers() {
        let queue = DispatchQueue(label: "iotlab.terminal.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in Self.terminationSignals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [continuation] in continuation.yield(.terminate) }
            source.resume()
            sources.append(source)
        }
        lock.withLock { mailbox.signalSources = sources }
    }

    private func removeSignalHandlers() {
        let sources = lock.withLock {
            defer { mailbox.signalSources.removeAll() }
            return mailbox.signalSources
        }
        guard !sources.isEmpty else { return }
        for source in sources { source.cancel() }
        for number in Self.terminationSignals { signal(number, SIG_DFL) }
    }
}
