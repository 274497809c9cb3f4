import JSONValue

/// Everything one hub holds in memory: identities, twins and each twin's materialised document.
///
/// A value type, so a bulk import can work on a copy and replace the original only once the
/// workspace has the whole batch.
struct HubState: Sendable {
    // Identities and twins sit in ordered dictionaries used only by key: they store their
    // values densely, where a `Dictionary` of 100,000 entries leaves 60% of 262,144 slots empty.
    private(set) var devices: OrderedDictionary<String, DeviceIdentity> = [:]
    /// deviceId → moduleId → module.
    private(set) var modules: [String: [String: ModuleIdentity]] = [:]
    /// Keyed `deviceId` or `deviceId/moduleId`.
    private(set) var twins: OrderedDictionary<String, TwinState> = [:]
    /// The twin documents queries read, keyed as `twins`.
    private(set) var documents: [String: JSONValue] = [:]
    private(set) var moduleCount = 0
    /// Device ids in order, rebuilt lazily after devices come or go.
    private var sortedIds: [String]? = []
    /// Indexes and recent results for queries, told of every document change.
    var queryAcceleration = QueryAcceleration()

    var deviceCount: Int { devices.count }
    var identityCount: Int { devices.count + moduleCount }

    /// Device ids in ascending order: the order lists, exports and queries use.
    mutating func orderedDeviceIds() -> [String] {
        if let sortedIds { return sortedIds }
        let sorted = devices.keys.sorted()
        sortedIds = sorted
        return sorted
    }

    /// A device's modules in ascending id order.
    func orderedModules(of deviceId: String) -> [ModuleIdentity] {
        (modules[deviceId] ?? [:]).values.sorted { $0.moduleId < $1.moduleId }
    }

    func module(_ moduleId: String, on deviceId: String) -> ModuleIdentity? {
        modules[deviceId]?[moduleId]
    }

    /// Applies a change already written to the workspace, rebuilding the documents it touches.
    mutating func apply(_ change: HubChange) {
        // Arrays, not sets: a key listed twice only rebuilds its document twice, and a bulk
        // import applies one small change per entry, where hashing into a set costs more.
        var touchedDevices: [String] = []
        var touchedModules: [String] = []
        for (deviceId, device) in change.devices {
            if let device {
                if devices.updateValue(device, forKey: deviceId) == nil { sortedIds = nil }
            } else if devices.removeValueIgnoringOrder(forKey: deviceId) != nil {
                sortedIds = nil
                removeDependents(of: deviceId)
            }
            touchedDevices.append(deviceId)
        }
        for (key, module) in change.modules {
            let (deviceId, moduleId) = Self.split(key)
            if let module {
                if modules[deviceId, default: [:]].updateValue(module, forKey: moduleId) == nil { moduleCount += 1 }
            } else if modules[deviceId]?.removeValue(forKey: moduleId) != nil {
                moduleCount -= 1
                twins.removeValueIgnoringOrder(forKey: key)
                documents.removeValue(forKey: key)
            }
            touchedModules.append(key)
        }
        for (key, twin) in change.twins {
            if let twin { twins[key] = twin } else { twins.removeValueIgnoringOrder(forKey: key) }
            if key.contains("/") { touchedModules.append(key) } else { touchedDevices.append(key) }
        }
        for deviceId in touchedDevices {
            if let device = devices[deviceId], let twin = twins[deviceId] {
                documents[deviceId] = TwinDocument.device(device, twin)
            } else {
                documents.removeValue(forKey: deviceId)
            }
        }
        for key in touchedModules {
            let (deviceId, moduleId) = Self.split(key)
            if let module = modules[deviceId]?[moduleId], let twin = twins[key] {
                documents[key] = TwinDocument.module(module, twin)
            } else {
                documents.removeValue(forKey: key)
            }
        }
        queryAcceleration.devicesChanged(touchedDevices, documents: documents)
        if !touchedModules.isEmpty { queryAcceleration.modulesChanged() }
    }

    /// Loads records read from the workspace; documents are built once at the end.
    mutating func load(devices loadedDevices: [DeviceIdentity], modules loadedModules: [ModuleIdentity], twins loadedTwins: [String: TwinState]) {
        devices.reserveCapacity(loadedDevices.count)
        twins.reserveCapacity(loadedTwins.count)
        var change = HubChange()
        for device in loadedDevices { change.devices[device.deviceId] = device }
        for module in loadedModules { change.modules[module.storageKey] = module }
        for (key, twin) in loadedTwins { change.twins[key] = twin }
        apply(change)
    }

    private mutating func removeDependents(of deviceId: String) {
        twins.removeValueIgnoringOrder(forKey: deviceId)
        documents.removeValue(forKey: deviceId)
        for moduleId in (modules.removeValue(forKey: deviceId) ?? [:]).keys {
            let key = deviceId + "/" + moduleId
            twins.removeValueIgnoringOrder(forKey: key)
            documents.removeValue(forKey: key)
            moduleCount -= 1
        }
    }

    /// `deviceId/moduleId` split at the first `/` (ids never contain one).
    static func split(_ key: String) -> (String, String) {
        guard let slash = key.firstIndex(of: "/") else { return (key, "") }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }
}
