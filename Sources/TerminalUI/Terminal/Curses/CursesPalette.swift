import CNCurses

/// Turns styles into curses attributes and colour pairs, on the curses thread only.
///
/// Pairs are allocated as styles are first seen (a theme uses a few dozen). On 8- and
/// 16-colour terminals `indexed` colours fall back to the nearest ANSI colour, and bright
/// foregrounds become bold on 8-colour ones; with `NO_COLOR` only attributes are drawn.
struct CursesPalette {
    private let colors: Int
    private let maxPairs: Int
    private let enabled: Bool
    private var pairs: [ColorKey: Int16] = [:]

    private struct ColorKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    init(enabled: Bool, colors: Int, maxPairs: Int) {
        self.enabled = enabled
        self.colors = colors
        self.maxPairs = maxPairs
    }

    /// The attributes and colour pair for `style`.
    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = iotlab_a_normal()
        var brightAsBold = false
        var pair: Int16 = 0
        if enabled {
            let (foreground, boldForeground) = index(of: style.foreground)
            let (background, _) = index(of: style.background)
            brightAsBold = boldForeground
            pair = self.pair(foreground: foreground, background: background)
        }
        let flags = style.attributes
        if flags.contains(.bold) || brightAsBold { attributes |= iotlab_a_bold() }
        if flags.contains(.dim) { attributes |= iotlab_a_dim() }
        if flags.contains(.italic) { attributes |= iotlab_a_italic() }
        if flags.contains(.underline) { attributes |= iotlab_a_underline() }
        if flags.contains(.reverse) { attributes |= iotlab_a_reverse() }
        return (attributes, pair)
    }

    private mutating func pair(foreground: Int16, background: Int16) -> Int16 {
        if foreground == -1 && background == -1 { return 0 }
        let key = ColorKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        let next = pairs.count + 1
        guard next < maxPairs, next <= Int(Int16.max) else { return 0 }
        let number = Int16(next)
        init_pair(number, foreground, background)
        pairs[key] = number
        return number
    }

    /// The curses colour number (-1 is the terminal's default) and whether it needs bold to
    /// look bright on an 8-colour terminal.
    private func index(of color: Color) -> (Int16, Bool) {
        let ansi: Int
        switch color {
        case .default: return (-1, false)
        case .black: ansi = 0
        case .red: ansi = 1
        case .green: ansi = 2
        case .yellow: ansi = 3
        case .blue: ansi = 4
        case .magenta: ansi = 5
        case .cyan: ansi = 6
        case .white: ansi = 7
        case .brightBlack: ansi = 8
        case .brightRed: ansi = 9
        case .brightGreen: ansi = 10
        case .brightYellow: ansi = 11
        case .brightBlue: ansi = 12
        case .brightMagenta: ansi = 13
        case .brightCyan: ansi = 14
        case .brightWhite: ansi = 15
        case .indexed(let value):
            if colors >= 256 { return (Int16(value), false) }
            ansi = Self.nearestANSI(to: Int(value))
        }
        if ansi >= 8 && colors < 16 { return (Int16(ansi - 8), true) }
        return (Int16(ansi), false)
    }

    /// The ANSI colour closest to an xterm 256-colour index.
    static func nearestANSI(to index: Int) -> Int {
        if index < 16 { return index }
        if index >= 232 {
            let level = index - 232
            return level < 6 ? 0 : level < 12 ? 8 : level < 19 ? 7 : 15
        }
        let cube = index - 16
        let r = cube / 36, g = (cube / 6) % 6, b = cube % 6
        let strongest = max(r, g, b)
        if strongest == 0 { return 0 }
        if r == g && g == b { return strongest <= 2 ? 8 : strongest <= 4 ? 7 : 15 }
        // The components at least half as strong as the strongest make the hue.
        let bits = (r * 2 >= strongest ? 1 : 0) | (g * 2 >= strongest ? 2 : 0) | (b * 2 >= strongest ? 4 : 0)
        return bits + (strongest >= 4 ? 8 : 0)
    }
}
