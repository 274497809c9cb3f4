import AzConsole
import Foundation
import HubEngine
import JSONValue
import LabCore
import TerminalUI

/// Direct methods and cloud-to-device messages for a device of the lab's hub, as the service
/// side sends them (`az iot hub invoke-device-method`, `az iot device c2d-message send`): two
/// forms (`ctrl-o` switches), and below them the results so far, newest last.
///
/// The pane checks only what it must to build the request (the payload parses as JSON, the
/// numbers are numbers); every rule of the hub (timeouts 5–300 s, 128 KB, 50 queued messages,
/// the TTL) is the hub's to refuse, and its error is shown at the field it names, or in the
/// history with Azure's code (404103 DeviceNotOnline, 504101 GatewayTimeout…).
struct MethodsPane: Sendable {
    enum Mode: Sendable {
        case method
        case cloudToDevice
    }

    /// How many results the history keeps (the newest that fit are shown, each wrapped whole).
    static let historyLimit = 50
    private(set) var mode = Mode.method
    private(set) var hub: String?
    private(set) var methodForm = Form(fields: [
        FormField(name: "deviceId", label: "device", isRequired: true),
        FormField(name: "methodName", label: "method", isRequired: true, placeholder: "SetFanState"),
        FormField(name: "payload", label: "payload (JSON)", placeholder: "{}  or  \"On\""),
        FormField(name: "responseTimeoutInSeconds", label: "response timeout s", value: "30"),
        FormField(name: "connectTimeoutInSeconds", label: "connect timeout s", value: "0"),
    ])
    private(set) var messageForm = Form(fields: [
        FormField(name: "deviceId", label: "device", isRequired: true),
        FormField(name: "data", label: "body", placeholder: "Ping from Az CLI IoT Extension"),
        FormField(name: "properties", label: "properties", placeholder: "a=1;b=2"),
        FormField(name: "messageId", label: "message id", placeholder: "a new UUID"),
        FormField(name: "correlationId", label: "correlation id"),
        FormField(name: "ack", label: "ack", kind: .choice(CloudToDeviceMessage.Acknowledgement.allCases.map(\.rawValue))),
        FormField(name: "ttl", label: "TTL s", placeholder: "the hub's default"),
    ])
    private(set) var history: [StyledLine] = []
    /// Direct methods sent and not answered yet.
    private(set) var methodsInFlight = 0

    /// The hub the forms send to, and the device put in both forms (the Devices pane's "methods").
    mutating func target(hub: String, deviceId: String?) {
        self.hub = hub
        guard let deviceId else { return }
        methodForm.setValue(deviceId, forField: "deviceId")
        messageForm.setValue(deviceId, forField: "deviceId")
    }

    // MARK: Results

    mutating func methodFinished(deviceId: String, methodName: String, _ outcome: Result<DirectMethodResult, HubRefusal>, at time: Date, theme: Theme) {
        methodsInFlight = max(0, methodsInFlight - 1)
        switch outcome {
        case .success(let result):
            let style = (200..<300).contains(result.status) ? theme.success : theme.warning
            record("✓ \(methodName) on \(deviceId) → status \(result.status) · payload \(result.payload.serialized(.compact))", at: time, style: style, theme: theme)
        case .failure(let refusal):
            if let field = refusal.field, methodForm.fields.contains(where: { $0.name == field }) {
                methodForm.setError(refusal.description, forField: field)
            }
            record("✗ \(methodName) on \(deviceId): \(refusal.description)", at: time, style: theme.error, theme: theme)
        }
    }

    mutating func cloudToDeviceFinished(deviceId: String, messageId: String?, _ outcome: Result<Int, HubRefusal>, at time: Date, theme: Theme) {
        switch outcome {
        case .success(let depth):
            record("✓ C2D to \(deviceId) (id \(messageId ?? "none")) enqueued · queue depth \(depth)", at: time, style: theme.success, theme: theme)
        case .failure(let refusal):
            if let field = refusal.field, messageForm.fields.contains(where: { $0.name == field }) {
                messageForm.setError(refusal.description, forField: field)
            }
            record("✗ C2D to \(deviceId): \(refusal.description)", at: time, style: theme.error, theme: theme)
        }
    }

    private mutating func record(_ text: String, at time: Date, style: Style, theme: Theme) {
        let stamp = AzureTimestamp.string(time)
        let clock = stamp.count >= 19 ? String(stamp.dropFirst(11).prefix(8)) : stamp
        history.append(StyledLine([Span(clock + " ", style: theme.dim), Span(text, style: style)]))
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }

    // MARK: Input

    /// `ignored` lets the app leave the pane (esc); an action is a request to carry out.
    mutating func handle(_ event: InputEvent, in area: Rect, at time: Date, theme: Theme) -> EventResult<WorkbenchRequest> {
        let (_, formArea, _) = layout(area)
        if case .key(.control("o")) = event {
            mode = mode == .method ? .cloudToDevice : .method
            return .handled
        }
        switch mode {
        case .method:
            let result = methodForm.handle(event, in: formArea)
            switch result.action {
            case .submitted(let values)?: return invoke(values, at: time, theme: theme)
            case .cancelled?: return .ignored
            case nil: return result.wasHandled ? .handled : .ignored
            }
        case .cloudToDevice:
            let result = messageForm.handle(event, in: formArea)
            switch result.action {
            case .submitted(let values)?: return send(values)
            case .cancelled?: return .ignored
            case nil: return result.wasHandled ? .handled : .ignored
            }
        }
    }

    private mutating func invoke(_ values: [String: String], at time: Date, theme: Theme) -> EventResult<WorkbenchRequest> {
        guard let hub else { return .handled }
        let payloadText = (values["payload"] ?? "").trimmingCharacters(in: .whitespaces)
        let payload: JSONValue
        do {
            payload = try JSONValue(parsing: payloadText.isEmpty ? "{}" : payloadText)
        } catch {
            methodForm.setError("not JSON: \(error)", forField: "payload")
            return .handled
        }
        guard let response = Self.seconds(values, "responseTimeoutInSeconds", in: &methodForm),
            let connect = Self.seconds(values, "connectTimeoutInSeconds", in: &methodForm)
        else { return .handled }
        let deviceId = values["deviceId"] ?? ""
        let call = DirectMethodCall(methodName: values["methodName"] ?? "", payload: payload, responseTimeout: response, connectTimeout: connect)
        methodsInFlight += 1
        record("… \(call.methodName) on \(deviceId) sent (waits up to \(Int(connect)) s to connect, \(Int(response)) s to answer)", at: time, style: theme.dim, theme: theme)
        return .action(.invokeMethod(hub: hub, deviceId: deviceId, call: call))
    }

    private mutating func send(_ values: [String: String]) -> EventResult<WorkbenchRequest> {
        guard let hub else { return .handled }
        var timeToLive: TimeInterval?
        if let text = values["ttl"], !text.isEmpty {
            guard let ttl = Self.seconds(values, "ttl", in: &messageForm) else { return .handled }
            timeToLive = ttl
        }
        let body = values["data"].flatMap { $0.isEmpty ? nil : $0 } ?? "Ping from Az CLI IoT Extension"
        let message = CloudToDeviceMessage(
            body: Array(body.utf8), properties: DeviceMessageProperties.parse(values["properties"]),
            messageId: values["messageId"].flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased(),
            correlationId: values["correlationId"].flatMap { $0.isEmpty ? nil : $0 },
            acknowledgement: values["ack"].flatMap(CloudToDeviceMessage.Acknowledgement.init(rawValue:)) ?? .none,
            timeToLive: timeToLive)
        return .action(.sendCloudToDevice(hub: hub, deviceId: values["deviceId"] ?? "", message: message))
    }

    /// A field's number of seconds, or nil with the field marked when it is not a number.
    private static func seconds(_ values: [String: String], _ name: String, in form: inout Form) -> TimeInterval? {
        guard let seconds = TimeInterval(values[name] ?? "") else {
            form.setError("must be a number of seconds", forField: name)
            return nil
        }
        return seconds
    }

    // MARK: Drawing

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        let (header, formArea, log) = layout(area)
        let title = mode == .method ? "Direct method" : "Cloud-to-device message"
        let other = mode == .method ? "ctrl-o: C2D message" : "ctrl-o: direct method"
        let used = screen.write(title + (hub.map { " · \($0)" } ?? ""), at: Point(x: header.x, y: header.y), style: theme.strong, maxWidth: header.width)
        screen.write("  (\(other))", at: Point(x: header.x + used, y: header.y), style: theme.dim, maxWidth: header.width - used)
        switch mode {
        case .method: methodForm.render(in: formArea, on: &screen, context: context)
        case .cloudToDevice: messageForm.render(in: formArea, on: &screen, context: context)
        }
        guard log.height > 1 else { return }
        let waiting = methodsInFlight > 0 ? " · \(methodsInFlight) method call\(methodsInFlight == 1 ? "" : "s") waiting" : ""
        screen.write("Results" + waiting, at: Point(x: log.x, y: log.y), style: theme.title, maxWidth: log.width)
        let rows = log.splitTop(1).rest
        let lines = history.flatMap { $0.wrapped(toWidth: max(1, rows.width), indent: 9) }.suffix(rows.height)
        for (row, line) in lines.enumerated() {
            screen.write(line, at: Point(x: rows.x, y: rows.y + row), maxWidth: rows.width)
        }
    }

    var keyHints: [KeyHint] {
        [
            KeyHint(.control("s"), mode == .method ? "invoke" : "send"), KeyHint(.tab, "next field"),
            KeyHint(.control("o"), mode == .method ? "C2D message" : "direct method"), KeyHint(.escape, "back"),
        ]
    }

    /// The title row, the form (its fields and any errors under them), and the history below.
    private func layout(_ area: Rect) -> (header: Rect, form: Rect, history: Rect) {
        let inside = area.insetBy(dx: 1, dy: 0)
        let (header, rest) = inside.splitTop(1)
        let form = mode == .method ? methodForm : messageForm
        let rows = form.fields.count + form.fields.filter { $0.error != nil }.count
        let (formArea, below) = rest.splitTop(min(rows, rest.height))
        return (header, formArea, below.splitTop(min(1, below.height)).rest)
    }
}
