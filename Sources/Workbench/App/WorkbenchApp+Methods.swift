import TerminalUI

extension WorkbenchApp {
    /// Opens the Methods pane with `deviceId` in its forms: the entry point for the Devices pane
    /// (`m`).
    public mutating func openMethods(hub: String, deviceId: String) {
        methodsPane.target(hub: hub, deviceId: deviceId)
        if page == .lab, let index = PaneKind.allCases.firstIndex(of: .methods) { selectPane(index) }
    }

    /// The Methods pane came into view: it sends to the lab's hub unless a device was opened.
    mutating func methodsPaneShown() {
        if methodsPane.hub == nil, let hub = runner?.lab.hub { methodsPane.target(hub: hub, deviceId: nil) }
    }

    mutating func receiveMethods(_ message: WorkbenchMessage) {
        let now = clock.now()
        switch message {
        case .methodFinished(_, let deviceId, let methodName, let outcome):
            methodsPane.methodFinished(deviceId: deviceId, methodName: methodName, outcome, at: now, theme: theme)
        case .cloudToDeviceFinished(_, let deviceId, let messageId, let outcome):
            methodsPane.cloudToDeviceFinished(deviceId: deviceId, messageId: messageId, outcome, at: now, theme: theme)
        default: break
        }
    }

    /// Keys for the Methods pane; false when the pane leaves them to the app (esc).
    mutating func handleMethodsPane(_ event: InputEvent, in area: Rect) -> Bool {
        let result = methodsPane.handle(event, in: area, at: clock.now(), theme: theme)
        if let action = result.action { request(action) }
        return result.wasHandled
    }

    static var methodsHelp: HelpOverlay.Section {
        HelpOverlay.Section("Methods and C2D", [
            KeyHint(label: "tab ↑↓", "move between fields"), KeyHint(label: "ctrl-s enter", "invoke the method / send the message"),
            KeyHint(.control("o"), "switch between direct method and cloud-to-device message"),
            KeyHint(.escape, "back to the instructions"),
        ])
    }
}
