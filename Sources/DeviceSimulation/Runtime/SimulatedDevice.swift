import Foundation
import HubEngine
import JSONValue
import LabCore

/// One simulated device at work: sends its rounds of telemetry on the hub's clock and,
/// meanwhile, answers what the hub delivers, until it has sent `count` rounds, is stopped
/// (its task cancelled) or the hub closes the connection.
///
/// Time is the injected `LabClock`: with a `ManualClock` a test moves the device from one
/// round to the next with `advance(by:)`, and `iotlab clock advance` fast-forwards it in a lab.
public actor SimulatedDevice {
    public nonisolated let sender: MessageSender
    private var generator: TelemetryGenerator
    private let clock: any LabClock
    private let observer: (@Sendable (SimulationEvent) -> Void)?
    /// Where the simulation stands; final once `run(over:)` returned.
    public private(set) var status: SimulationStatus

    /// A device for `sender`, its random values drawn from `seed`; `observer` hears every
    /// event, on the device's executor, so it must be quick.
    public init(
        definition: SimulationDefinition, sender: MessageSender, seed: UInt64, clock: any LabClock,
        machineName: String = ProcessInfo.processInfo.hostName, observer: (@Sendable (SimulationEvent) -> Void)? = nil
    ) {
        self.sender = sender
        self.clock = clock
        self.observer = observer
        generator = TelemetryGenerator(
            definition: definition, deviceId: sender.deviceId, moduleId: sender.moduleId, seed: seed, machineName: machineName)
        status = SimulationStatus(
            definitionName: definition.name, deviceId: sender.deviceId, moduleId: sender.moduleId, state: .running,
            startedAt: clock.now())
    }

    private var definition: SimulationDefinition { generator.definition }

    /// Runs the simulation over an open connection and returns how it ended; the connection
    /// is closed on return.
    public func run(over connection: any SimulatedDeviceConnection) async -> SimulationStatus {
        do {
            try await prepare(connection)
        } catch {
            await connection.disconnect()
            return finish(.failed(reason: Self.describe(error)))
        }
        return await runPrepared(over: connection)
    }

    /// Sends and answers over a prepared connection until the simulation ends, then closes it.
    func runPrepared(over connection: any SimulatedDeviceConnection) async -> SimulationStatus {
        let ended = await withTaskGroup(of: SimulationStatus.State?.self) { group in
            group.addTask { await self.sendRounds(over: connection) }
            group.addTask { await self.answerInputs(from: connection) }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        await connection.disconnect()
        return finish(ended ?? .stopped)
    }

    /// Subscribes to what the definition handles and brings the reported properties up to date,
    /// so that once it returns a method invoked on the device reaches it.
    func prepare(_ connection: any SimulatedDeviceConnection) async throws {
        var topics = Set<DeviceSubscription>()
        if !definition.methods.isEmpty { topics.insert(.methods) }
        if definition.cloudToDevice != nil { topics.insert(.cloudToDevice) }
        if definition.twin.reportsDesired { topics.insert(.desiredProperties) }
        if !topics.isEmpty { try await connection.subscribe(topics) }
        if let initial = definition.twin.initialReported, !initial.isEmpty {
            try await report(initial, over: connection)
        }
        if definition.twin.reportsDesiredAtStart {
            let twin = try await connection.twin()
            let reported = twin["reported"]?.objectValue ?? [:]
            let pending = Self.settings(in: twin["desired"]?.objectValue ?? [:]).filter { reported[$0.key] != $0.value }
            if !pending.isEmpty { try await report(pending, over: connection) }
        }
    }

    /// Sends a round every interval until `count` rounds are sent; `nil` when cancelled.
    private func sendRounds(over connection: any SimulatedDeviceConnection) async -> SimulationStatus.State? {
        while definition.count == 0 || generator.round < definition.count {
            let now = clock.now()
            let messages = generator.nextRound(at: now)
            let round = generator.round
            status.rounds = round
            for message in messages {
                do {
                    try await connection.sendTelemetry(message)
                    status.messagesSent += 1
                    status.lastMessageAt = now
                    observer?(.messageSent(message, round: round))
                } catch {
                    if Task.isCancelled { return nil }
                    let description = Self.describe(error)
                    status.sendFailures += 1
                    status.lastError = description
                    observer?(.sendFailed(message, round: round, error: description))
                }
            }
            // As `az iot device simulate` and the lab devices do: send, then wait the interval,
            // so `count` rounds take `count` intervals during which the device stays online.
            do {
                try await clock.sleep(for: definition.intervalSeconds)
            } catch {
                return nil
            }
        }
        return .completed
    }

    /// Handles deliveries until the hub closes the connection; `nil` when cancelled.
    private func answerInputs(from connection: any SimulatedDeviceConnection) async -> SimulationStatus.State? {
        for await delivery in connection.deliveries {
            do {
                switch delivery {
                case .desiredProperties(let patch, _):
                    let settings = Self.settings(in: patch)
                    if !settings.isEmpty { try await report(settings, over: connection) }
                case .methodRequest(let request):
                    let answer = generator.answer(method: request.methodName, requestId: request.requestId, payload: request.payload)
                    try await connection.respond(to: request, status: answer.status, payload: answer.payload)
                    status.methodsAnswered += 1
                    observer?(.methodAnswered(request, status: answer.status, payload: answer.payload))
                case .cloudToDevice(let received):
                    let settlement = definition.cloudToDevice ?? .complete
                    try await connection.settle(lockToken: received.lockToken, as: settlement)
                    status.cloudToDeviceSettled += 1
                    observer?(.cloudToDeviceSettled(received, settlement))
                case .closed(let reason):
                    return .disconnected(reason: reason.description)
                }
            } catch {
                if Task.isCancelled { return nil }
                let description = Self.describe(error)
                status.lastError = description
                observer?(.inputFailed(error: description))
            }
        }
        return Task.isCancelled ? nil : .disconnected(reason: "the connection ended")
    }

    private func report(_ patch: JSONObject, over connection: any SimulatedDeviceConnection) async throws {
        _ = try await connection.updateReported(patch)
        status.reportedPatches += 1
        observer?(.reportedPatched(patch))
    }

    private func finish(_ state: SimulationStatus.State) -> SimulationStatus {
        status.state = state
        status.endedAt = clock.now()
        observer?(.finished(status))
        return status
    }

    /// A desired-properties document without the service's `$version` and `$metadata`: what a
    /// device reports back, as `az iot device simulate`'s twin handler does.
    private static func settings(in desired: JSONObject) -> JSONObject {
        desired.filter { !$0.key.hasPrefix("$") }
    }

    /// An error as the CLI prints it: `429001 ThrottlingException: ...` for Azure's errors.
    static func describe(_ error: any Error) -> String {
        (error as? any AzureError)?.description ?? String(describing: error)
    }
}
