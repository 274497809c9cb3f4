import Foundation
import HubEngine
import LabCore

/// The simulated devices of one hub: starts, stops and lists them for `iotlab sim` and the
/// TUI, one simulation per device or module identity, as the hub allows one session per
/// identity.
///
/// Owned by the process that serves the hub; a finished simulation stays listed, with why it
/// ended, until it is stopped or the identity is simulated again.
public actor SimulationRunner {
    private enum Entry {
        /// Connecting; the token tells a start whether a stop cancelled it meanwhile.
        case starting(token: UUID, definitionName: String)
        case started(SimulatedDevice, Task<SimulationStatus, Never>)
    }

    private let hub: any SimulationHub
    private let clock: any LabClock
    private let machineName: String
    private var entries: [String: Entry] = [:]

    /// A runner connecting devices to `hub`, on the hub's `clock`.
    public init(hub: any SimulationHub, clock: any LabClock, machineName: String = ProcessInfo.processInfo.hostName) {
        self.hub = hub
        self.clock = clock
        self.machineName = machineName
    }

    /// Connects a device and starts simulating it; returns once it is connected and
    /// subscribed, so an unknown or disabled device fails here with the hub's error and a
    /// method invoked right after reaches the device.
    ///
    /// - Parameters:
    ///   - deviceId: overrides the definition's device; one of the two is required.
    ///   - moduleId: overrides the definition's module.
    ///   - seed: overrides the definition's seed; random when neither gives one.
    ///   - observer: hears every event of this device (see `SimulatedDevice.init`).
    @discardableResult
    public func start(
        _ definition: SimulationDefinition, deviceId: String? = nil, moduleId: String? = nil, seed: UInt64? = nil,
        observer: (@Sendable (SimulationEvent) -> Void)? = nil
    ) async throws -> SimulationStatus {
        guard let deviceId = deviceId ?? definition.deviceId else { throw SimulationError.deviceRequired(definition: definition.name) }
        let sender = MessageSender(deviceId: deviceId, moduleId: moduleId ?? definition.moduleId)
        try await reserve(sender.key)
        let token = UUID()
        entries[sender.key] = .starting(token: token, definitionName: definition.name)
        let device = SimulatedDevice(
            definition: definition, sender: sender, seed: seed ?? definition.seed ?? UInt64.random(in: .min ... .max),
            clock: clock, machineName: machineName, observer: observer)
        let connection: any SimulatedDeviceConnection
        do {
            connection = try await hub.connectSimulatedDevice(sender)
            do {
                try await device.prepare(connection)
            } catch {
                await connection.disconnect()
                throw error
            }
        } catch {
            if case .starting(token, _)? = entries[sender.key] { entries[sender.key] = nil }
            throw error
        }
        guard case .starting(token, _)? = entries[sender.key] else {
            // Stopped while connecting.
            await connection.disconnect()
            throw SimulationError.notFound(device: sender.key)
        }
        entries[sender.key] = .started(device, Task { await device.runPrepared(over: connection) })
        return await device.status
    }

    /// Stops the simulation of a device (or module) and forgets it; returns how it ended.
    public func stop(deviceId: String, moduleId: String? = nil) async throws -> SimulationStatus {
        let key = MessageSender(deviceId: deviceId, moduleId: moduleId).key
        guard let entry = entries.removeValue(forKey: key) else { throw SimulationError.notFound(device: key) }
        switch entry {
        case .starting(_, let definitionName):
            return SimulationStatus(definitionName: definitionName, deviceId: deviceId, moduleId: moduleId, state: .stopped, startedAt: clock.now())
        case .started(_, let task):
            task.cancel()
            return await task.value
        }
    }

    /// Stops every simulation, e.g. when the serving process shuts down.
    @discardableResult
    public func stopAll() async -> [SimulationStatus] {
        var stopped: [SimulationStatus] = []
        for key in entries.keys.sorted() {
            guard case .started(let device, _)? = entries[key] else { continue }
            if let status = try? await stop(deviceId: device.sender.deviceId, moduleId: device.sender.moduleId) {
                stopped.append(status)
            }
        }
        entries.removeAll()
        return stopped
    }

    /// Every simulation, running or finished, by device id.
    public func list() async -> [SimulationStatus] {
        var statuses: [SimulationStatus] = []
        for key in entries.keys.sorted() {
            if case .started(let device, _)? = entries[key] { statuses.append(await device.status) }
        }
        return statuses
    }

    /// Waits for a simulation to end by itself (its `count` reached, or the hub closing it)
    /// and returns how it ended; it stays listed.
    public func waitUntilFinished(deviceId: String, moduleId: String? = nil) async throws -> SimulationStatus {
        let key = MessageSender(deviceId: deviceId, moduleId: moduleId).key
        guard case .started(_, let task)? = entries[key] else { throw SimulationError.notFound(device: key) }
        return await task.value
    }

    /// Makes sure no simulation of `key` is connecting or running, so a new one may take the
    /// identity (a finished one is replaced). Checked again after each wait, since another
    /// start may have come in meanwhile.
    private func reserve(_ key: String) async throws {
        while let entry = entries[key] {
            guard case .started(let device, _) = entry else { throw SimulationError.alreadyRunning(device: key) }
            if await device.status.state.isRunning { throw SimulationError.alreadyRunning(device: key) }
            if case .started(let current, _)? = entries[key], current === device { return }
        }
    }
}
