/// A modal question with two buttons (quit while a lab runs, reveal a solution, delete a
/// device): `y`/`n`, `←`/`→`/`tab` and `enter`, `esc` for no, or a click on a button.
///
/// The default button is "No", so an absent-minded `enter` never destroys anything.
public struct ConfirmDialog: Widget {
    public enum Action: Hashable, Sendable {
        case confirmed
        case cancelled
    }

    public var title: String
    public var message: String
    public var confirmLabel: String
    public var cancelLabel: String
    public private(set) var confirmSelected = false

    public init(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No") {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
    }

    /// The dialog's box, centred in `area`.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width, max(30, min(60, message.displayWidth + 4), title.displayWidth + 6))
        let lines = StyledLine(message).wrapped(toWidth: max(1, width - 4)).count
        return area.centered(Size(width: width, height: lines + 4))
    }

    /// Where the buttons are, for drawing and clicks.
    public func buttons(in area: Rect) -> (confirm: Rect, cancel: Rect) {
        let box = frame(in: area)
        let confirm = " \(confirmLabel) ", cancel = " \(cancelLabel) "
        let y = box.maxY - 2
        let cancelX = box.maxX - 2 - cancel.displayWidth
        let confirmX = cancelX - 2 - confirm.displayWidth
        return (Rect(x: confirmX, y: y, width: confirm.displayWidth, height: 1),
                Rect(x: cancelX, y: y, width: cancel.displayWidth, height: 1))
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        let box = frame(in: area)
        screen.fill(box)
        screen.drawBox(box, borders: theme.borders, style: theme.focusedBorder, title: title, titleStyle: theme.title)
        for (row, line) in StyledLine(message).wrapped(toWidth: max(1, box.width - 4)).enumerated() where box.y + 1 + row < box.maxY - 2 {
            screen.write(line, at: Point(x: box.x + 2, y: box.y + 1 + row), maxWidth: box.width - 4)
        }
        let (confirm, cancel) = buttons(in: area)
        screen.write(" \(confirmLabel) ", at: Point(x: confirm.x, y: confirm.y), style: confirmSelected ? theme.selection : theme.text)
        screen.write(" \(cancelLabel) ", at: Point(x: cancel.x, y: cancel.y), style: confirmSelected ? theme.text : theme.selection)
        if let first = confirmLabel.first {
            screen.restyle(Rect(x: confirm.x + 1, y: confirm.y, width: first.displayWidth, height: 1)) { $0.merged(with: theme.hotkey.adding(.underline)) }
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        switch event {
        case .key(.character(let c)) where c.lowercased() == "y" || c.lowercased() == confirmLabel.first?.lowercased():
            return .action(.confirmed)
        case .key(.character(let c)) where c.lowercased() == "n":
            return .action(.cancelled)
        case .key(.escape):
            return .action(.cancelled)
        case .key(.enter):
            return .action(confirmSelected ? .confirmed : .cancelled)
        case .key(.left), .key(.right), .key(.tab), .key(.backTab), .key(.character("h")), .key(.character("l")):
            confirmSelected.toggle()
            return .handled
        case .mouse(let mouse) where mouse.kind == .click:
            let (confirm, cancel) = buttons(in: area)
            if confirm.contains(mouse.position) { return .action(.confirmed) }
            if cancel.contains(mouse.position) { return .action(.cancelled) }
            return .handled
        default:
            // Modal: nothing reaches the screens below while the question is open.
            return .handled
        }
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.character("y"), confirmLabel.lowercased()), KeyHint(.character("n"), cancelLabel.lowercased())]
    }
}
