/// A key press, decoded from the terminal (curses key codes, control bytes, escape).
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter, lowercased: `.control("l")` is Ctrl-L.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// The key's name in hint bars and help ("q", "enter", "ctrl-s", "F1").
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "ctrl-\(c)"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "del"
        case .insert: "ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .function(let n): "F\(n)"
        }
    }
}

/// A mouse event at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The primary button pressed (or clicked) at the position.
        case click
        /// The secondary button.
        case rightClick
        case scrollUp
        case scrollDown
    }

    public var kind: Kind
    public var position: Point

    public init(_ kind: Kind, at position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// What the terminal reports.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; the next frame is drawn at `Size` from scratch.
    case resize(Size)
    /// SIGTERM, SIGHUP or SIGINT arrived: the application should save and quit (the terminal
    /// is restored by `CursesTerminal` when it stops, whatever the application does).
    case terminate

    /// A shorthand for tests and key tables: `.char("q")`.
    public static func char(_ character: Character) -> InputEvent { .key(.character(character)) }
}

/// What a widget did with an event. `action` carries what the owner must act on (a row
/// activated, a line submitted); `ignored` lets the owner try the event elsewhere (global keys).
public enum EventResult<Action: Sendable>: Sendable {
    case ignored
    case handled
    case action(Action)

    /// True unless the widget ignored the event.
    public var wasHandled: Bool {
        if case .ignored = self { return false }
        return true
    }

    /// The action, if the event produced one.
    public var action: Action? {
        if case .action(let action) = self { return action }
        return nil
    }
}

extension EventResult: Equatable where Action: Equatable {}

/// A key shown in the bottom bar and the help overlay, clickable with the mouse (btop: "all
/// buttons with a highlighted key are clickable").
public struct KeyHint: Hashable, Sendable {
    /// What is shown as the key ("q", "/", "1-7"); defaults to the key's label.
    public var label: String
    public var description: String
    /// The key a click sends; nil for hints that only inform ("1-7 panes").
    public var key: Key?

    public init(_ key: Key, _ description: String, label: String? = nil) {
        self.key = key
        self.label = label ?? key.label
        self.description = description
    }

    public init(label: String, _ description: String) {
        self.key = nil
        self.label = label
        self.description = description
    }
}
