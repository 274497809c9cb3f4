/// A validated change to a hub: the identities and twins it writes or deletes, and the events
/// it records.
///
/// Operations build a change by reading the state only, so a refused request leaves nothing
/// behind; the hub then writes the change in one workspace transaction and applies it to memory.
struct HubChange: Sendable {
    /// deviceId → the new identity, or `nil` to delete it (with its twin and modules).
    var devices: [String: DeviceIdentity?] = [:]
    /// `deviceId/moduleId` → the new module, or `nil` to delete it.
    var modules: [String: ModuleIdentity?] = [:]
    /// `deviceId` or `deviceId/moduleId` → the new twin state, or `nil` to delete it.
    var twins: [String: TwinState?] = [:]
    var events: [HubEvent] = []

    mutating func save(_ device: DeviceIdentity) { devices[device.deviceId] = .some(device) }
    mutating func save(_ module: ModuleIdentity) { modules[module.storageKey] = .some(module) }
    mutating func save(_ twin: TwinState, key: String) { twins[key] = .some(twin) }
    // `updateValue(nil, …)` stores a deletion; assigning `nil` would drop the key instead.
    mutating func deleteDevice(_ deviceId: String) { devices.updateValue(nil, forKey: deviceId) }
    mutating func deleteModule(key: String) { modules.updateValue(nil, forKey: key) }
    mutating func deleteTwin(key: String) { twins.updateValue(nil, forKey: key) }

    var isEmpty: Bool { devices.isEmpty && modules.isEmpty && twins.isEmpty }

    /// Adds a later change on top of this one; where both touch a record, the later one wins.
    /// A bulk import leaves the events out (`keepingEvents: false`): it records one summary event.
    mutating func merge(_ later: HubChange, keepingEvents: Bool = true) {
        devices.merge(later.devices) { _, new in new }
        modules.merge(later.modules) { _, new in new }
        twins.merge(later.twins) { _, new in new }
        if keepingEvents { events += later.events }
    }
}
