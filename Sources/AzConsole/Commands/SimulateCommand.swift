import DeviceSimulation
import Foundation
import HubEngine
import JSONValue

/// `az iot device simulate` (azure-iot extension): runs the extension's simulated device to
/// the end inside the command, on the cloud's clock, printing what its handlers print.
///
/// The device is `SimulationDefinition.azureCLIDevice`, the same simulated device `iotlab sim`
/// runs, connected to the hub in-process rather than over MQTT or HTTPS.
enum SimulateCommand {
    private static let protocols = ["http", "mqtt"]

    static let commands = [
        CommandSpec(
            "iot device simulate", summary: "Simulate a device in an Azure IoT Hub.",
            details: """
                While the device simulation is running, the device will automatically receive and acknowledge \
                cloud-to-device (c2d) messages. For mqtt simulation, all c2d messages will be acknowledged with \
                completion. For http simulation c2d acknowledgement is based on user selection which can be complete, \
                reject or abandon. The mqtt simulation also supports direct method invocation which can be acknowledged \
                by a response status code and response payload.
                Note: The command by default will set content-type to application/json and content-encoding to utf-8. \
                This can be overriden.
                Here the device runs inside iotlab on the lab clock: `iotlab clock advance` shortens the wait between messages.
                """,
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId, DeviceMessageProperties.data,
                FlagSpec(
                    ["--properties", "--props", "-p"],
                    help: "Message property bag in key-value pairs with the following format: a=b;c=d. For mqtt messaging - "
                        + "you are able to send system properties using $.<name>=value. For instance $.cid=12345 sets the system "
                        + "correlation Id property. Other system property identifier examples include $.ct for content type, $.mid "
                        + "for message Id and $.ce for content encoding. For http messaging - application properties are sent using "
                        + "iothub-app-<name>=value, for instance iothub-app-myprop=myvalue. System properties are generally prefixed "
                        + "with iothub-<name> like iothub-correlationid but there are exceptions such as content-type and content-encoding."),
                FlagSpec(["--msg-count", "--mc"], .integer(), default: "100", help: "Number of device messages to send to IoT Hub."),
                FlagSpec(["--msg-interval", "--mi"], .integer(), default: "3", help: "Delay in seconds between device-to-cloud messages."),
                FlagSpec(
                    ["--receive-settle", "--rs"], .choice(CloudToDeviceSettlement.allCases.map(\.rawValue)), default: "complete",
                    help: "Indicates how to settle received cloud-to-device messages. Supported with HTTP only."),
                FlagSpec(["--protocol", "--proto"], .choice(protocols), default: "mqtt", help: "Indicates device-to-cloud message protocol"),
                FlagSpec(
                    ["--method-response-code", "--mrc"], .integer(),
                    help: "Status code to be returned when direct method is executed on device. Optional param, only supported for mqtt."),
                FlagSpec(
                    ["--method-response-payload", "--mrp"], .json,
                    help: "Payload to be returned when direct method is executed on device. Provide file path or raw json. Optional param, only supported for mqtt."),
                FlagSpec(
                    ["--init-reported-properties", "--irp"], .json,
                    help: "Initial state of twin reported properties for the target device when the simulator is run. Optional param, only supported for mqtt."),
            ]
        ) { context in
            let (options, initialReported) = try options(context)
            let deviceId = try context.required("device-id")
            let definition = try SimulationDefinition.azureCLIDevice(options)
            let hub = try await context.hub()
            let runner = SimulationRunner(hub: hub, clock: context.cloud.clock)
            let lines = context.lines
            let isMQTT = options.handlesMethodsAndTwin
            try await runner.start(definition, deviceId: deviceId) { event in
                if let text = SimulateCommand.handlerOutput(event, deviceId: deviceId, mqtt: isMQTT) { lines.print(text) }
            }
            if let initialReported {
                do {
                    _ = try await hub.updateReportedProperties(ofDevice: deviceId, module: nil, patch: .object(initialReported))
                } catch {
                    await runner.stopAll()
                    throw error
                }
            }
            let ended = await withTaskCancellationHandler {
                (try? await runner.waitUntilFinished(deviceId: deviceId)) ?? nil
            } onCancel: {
                Task { await runner.stopAll() }
            }
            if let ended, case .disconnected(let reason) = ended.state {
                throw ConsoleError.invalidValue("MQTT connection failed for device '\(deviceId)': \(reason).")
            }
            if let ended, case .failed(let reason) = ended.state { throw ConsoleError.invalidValue(reason) }
            return nil
        }
    ]

    /// The flags as the definition's options and the reported properties to patch once the
    /// device is connected, refused as the extension refuses them.
    private static func options(_ context: CommandContext) throws -> (SimulationDefinition.AzureCLIOptions, JSONObject?) {
        let arguments = context.arguments
        let proto = arguments.string("protocol")?.lowercased() ?? "mqtt"
        let settle = arguments.string("receive-settle") ?? "complete"
        if proto == "mqtt", settle != "complete" {
            throw ConsoleError.invalidValue("mqtt protocol only supports settle type of \"complete\"")
        }
        let interval = arguments.integer("msg-interval") ?? 3
        guard interval >= 1 else { throw ConsoleError.invalidValue("msg interval must be at least 1") }
        let count = arguments.integer("msg-count") ?? 100
        guard count >= 1 else { throw ConsoleError.invalidValue("msg count must be at least 1") }
        let methodStatus = arguments.integer("method-response-code")
        let methodPayload = try context.json("method-response-payload")
        let initialReported = try context.json("init-reported-properties")
        if proto != "mqtt" {
            if methodStatus != nil {
                throw ConsoleError.invalidValue("'method-response-code' not supported, \(proto) doesn't allow direct methods.")
            }
            if methodPayload != nil {
                throw ConsoleError.invalidValue("'method-response-payload' not supported, \(proto) doesn't allow direct methods.")
            }
            if initialReported != nil {
                throw ConsoleError.invalidValue("'init-reported-properties' not supported, \(proto) doesn't allow setting twin props")
            }
        }
        if let initialReported, initialReported.objectValue == nil {
            throw ConsoleError.invalidValue("--init-reported-properties must be a JSON object, not \(initialReported.typeName)")
        }
        var options = SimulationDefinition.AzureCLIOptions()
        options.data = arguments.string("data") ?? options.data
        options.messageCount = count
        options.intervalSeconds = interval
        options.handlesMethodsAndTwin = proto == "mqtt"
        options.methodResponseStatus = methodStatus
        options.methodResponsePayload = methodPayload
        options.settlement = CloudToDeviceSettlement(rawValue: settle) ?? .complete
        let properties = DeviceMessageProperties.parse(arguments.string("properties"))
        if proto == "mqtt" {
            // The defaults first, then the user's $.ct/$.ce, as the extension updates its defaults.
            let message = DeviceMessageCommands.mqttMessage(data: "", properties: properties)
            options.contentType = message.contentType ?? options.contentType
            options.contentEncoding = message.contentEncoding ?? options.contentEncoding
            options.messageId = message.messageId
            options.correlationId = message.correlationId
            options.userId = message.userId
            options.applicationProperties = message.applicationProperties
        } else {
            applyHTTPHeaders(properties, to: &options)
        }
        return (options, initialReported?.objectValue)
    }

    /// `--properties` as HTTPS headers: `iothub-app-<name>` application properties, and the
    /// system headers the hub reads; other headers are ignored, as the hub ignores them.
    private static func applyHTTPHeaders(_ headers: OrderedDictionary<String, String>, to options: inout SimulationDefinition.AzureCLIOptions) {
        let applicationPrefix = "iothub-app-"
        for (name, value) in headers {
            switch name.lowercased() {
            case "content-type": options.contentType = value
            case "content-encoding": options.contentEncoding = value
            case "iothub-messageid": options.messageId = value
            case "iothub-correlationid": options.correlationId = value
            case "iothub-userid": options.userId = value
            case let header where header.hasPrefix(applicationPrefix):
                options.applicationProperties[String(name.dropFirst(applicationPrefix.count))] = value
            default: continue
            }
        }
    }
}
