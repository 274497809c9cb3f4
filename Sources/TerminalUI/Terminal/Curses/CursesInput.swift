import CNCurses

/// Decodes what `wget_wch` returned into an input event, on the curses thread.
enum CursesInput {
    /// `status` is `wget_wch`'s result (`OK` for a character, `KEY_CODE_YES` for a key code).
    static func decode(status: Int32, code: UInt32) -> InputEvent? {
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(code)) }
        guard status == OK else { return nil }
        return decodeCharacter(code)
    }

    /// Control bytes and printable characters.
    static func decodeCharacter(_ code: UInt32) -> InputEvent? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 0: return .key(.control(" "))
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .key(.control(Character(scalar)))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize(Size(width: Int(iotlab_cols()), height: Int(iotlab_lines())))
        case KEY_MOUSE: return decodeMouse()
        case iotlab_key_f(1)...iotlab_key_f(24): return .key(.function(Int(code - iotlab_key_f(0))))
        default: return nil
        }
    }

    private static func decodeMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let position = Point(x: Int(event.x), y: Int(event.y))
        let state = event.bstate
        if state & iotlab_wheel_up() != 0 { return .mouse(MouseEvent(.scrollUp, at: position)) }
        if iotlab_wheel_down() != 0 && state & iotlab_wheel_down() != 0 { return .mouse(MouseEvent(.scrollDown, at: position)) }
        if state & (iotlab_button1_pressed() | iotlab_button1_clicked()) != 0 { return .mouse(MouseEvent(.click, at: position)) }
        if state & iotlab_button3_clicked() != 0 { return .mouse(MouseEvent(.rightClick, at: position)) }
        return nil
    }
}
