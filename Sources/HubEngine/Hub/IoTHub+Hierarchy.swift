extension IoTHub {
    static let edgeScopePrefix = "ms-azure-iot-edge://"
    /// The modules the hub creates on every IoT Edge device.
    static let edgeSystemModuleIds = ["$edgeAgent", "$edgeHub"]

    /// Makes `parentId` (an IoT Edge device) the parent of `deviceId`, as
    /// `az iot hub device-identity parent set` does; `force` replaces an existing parent.
    public func setParent(of deviceId: String, to parentId: String, force: Bool) throws(HubError) {
        try admitAtOnce(.registryOperation)
        try attachChildren([deviceId], to: parentId, force: force)
    }

    /// The devices whose parent is `parentId`, in id order.
    public func children(of parentId: String) throws(HubError) -> [DeviceIdentity] {
        try admitAtOnce(.registryOperation)
        let parent = try edgeParent(parentId, field: "parentId")
        return Self.children(of: parent, in: state)
    }

    /// Makes each device a child of `parentId` in one write; with `force`, devices that already
    /// have another parent move, otherwise the whole request is refused.
    public func addChildren(_ childIds: [String], to parentId: String, force: Bool) throws(HubError) {
        try admitAtOnce(.registryOperation)
        try attachChildren(childIds, to: parentId, force: force)
    }

    private func attachChildren(_ childIds: [String], to parentId: String, force: Bool) throws(HubError) {
        let parent = try edgeParent(parentId, field: "parentId")
        var change = HubChange()
        for childId in childIds {
            guard let child = state.devices[childId] else { throw .deviceNotFound(deviceId: childId) }
            if let current = child.parentScopes.first {
                if current == parent.deviceScope { continue }
                if !force {
                    let currentParent = Self.deviceId(inEdgeScope: current) ?? current
                    throw .argumentInvalid(
                        field: "force",
                        rule: "device '\(childId)' already has parent '\(currentParent)'; pass force to replace it")
                }
            }
            try Self.checkNoCycle(attaching: child, to: parent, in: state)
            var attached = Self.attached(child, to: parent)
            attached.etag = ETag.identity(replacing: child.etag)
            change.save(attached)
            change.events.append(.deviceUpdated(attached))
        }
        if !change.isEmpty { try commit(change) }
    }

    /// Detaches the given children from `parentId`, or all of them when `childIds` is empty.
    public func removeChildren(_ childIds: [String], from parentId: String) throws(HubError) {
        try admitAtOnce(.registryOperation)
        let parent = try edgeParent(parentId, field: "parentId")
        let current = Self.children(of: parent, in: state)
        var targets = current
        if !childIds.isEmpty {
            targets = []
            for childId in childIds {
                guard state.devices[childId] != nil else { throw .deviceNotFound(deviceId: childId) }
                guard let child = current.first(where: { $0.deviceId == childId }) else {
                    throw .argumentInvalid(field: "childIds", rule: "device '\(childId)' is not a child of '\(parentId)'")
                }
                targets.append(child)
            }
        }
        var change = HubChange()
        for child in targets {
            var detached = Self.detached(child)
            detached.etag = ETag.identity(replacing: child.etag)
            change.save(detached)
            change.events.append(.deviceUpdated(detached))
        }
        if !change.isEmpty { try commit(change) }
    }

    // MARK: - Scope rules

    /// `ms-azure-iot-edge://{deviceId}-{generationId}`, an edge device's immutable scope.
    static func edgeScope(of device: DeviceIdentity) -> String {
        edgeScopePrefix + device.deviceId + "-" + device.generationId
    }

    /// The device id inside an edge scope, or `nil` for text that is not one.
    static func deviceId(inEdgeScope scope: String) -> String? {
        guard scope.hasPrefix(edgeScopePrefix), let dash = scope.lastIndex(of: "-") else { return nil }
        let start = scope.index(scope.startIndex, offsetBy: edgeScopePrefix.count)
        return start < dash ? String(scope[start..<dash]) : nil
    }

    /// The child's scopes once `parent` is its parent: `parentScopes` names the parent, and a
    /// leaf device also takes the parent's scope as its own `deviceScope`.
    static func attached(_ device: DeviceIdentity, to parent: DeviceIdentity) -> DeviceIdentity {
        var child = device
        child.parentScopes = parent.deviceScope.map { [$0] } ?? []
        if !child.iotEdge { child.deviceScope = parent.deviceScope }
        return child
    }

    static func detached(_ device: DeviceIdentity) -> DeviceIdentity {
        var orphan = device
        orphan.parentScopes = []
        if !orphan.iotEdge { orphan.deviceScope = nil }
        return orphan
    }

    static func children(of parent: DeviceIdentity, in state: HubState) -> [DeviceIdentity] {
        guard let scope = parent.deviceScope, parent.iotEdge else { return [] }
        return state.devices.values.filter { $0.parentScopes.first == scope }.sorted { $0.deviceId < $1.deviceId }
    }

    /// The edge device that owns `scope`; `ArgumentInvalid` naming `field` otherwise.
    func parentDevice(forScope scope: String, field: String, in state: HubState) throws(HubError) -> DeviceIdentity {
        guard let parentId = Self.deviceId(inEdgeScope: scope), let parent = state.devices[parentId],
            parent.iotEdge, parent.deviceScope == scope
        else {
            throw .argumentInvalid(field: field, rule: "'\(scope)' is not the scope of an IoT Edge device in this hub")
        }
        return parent
    }

    /// Refuses to make a device its own ancestor (nested edge devices form a tree).
    static func checkNoCycle(attaching device: DeviceIdentity, to parent: DeviceIdentity, in state: HubState) throws(HubError) {
        var ancestor: DeviceIdentity? = parent
        var steps = 0
        while let current = ancestor, steps <= state.deviceCount {
            if current.deviceId == device.deviceId {
                throw .argumentInvalid(
                    field: "parentId", rule: "device '\(device.deviceId)' cannot be a child of '\(parent.deviceId)', which is itself or one of its descendants")
            }
            ancestor = current.parentScopes.first.flatMap(deviceId(inEdgeScope:)).flatMap { state.devices[$0] }
            steps += 1
        }
    }

    private func edgeParent(_ parentId: String, field: String) throws(HubError) -> DeviceIdentity {
        guard let parent = state.devices[parentId] else { throw .deviceNotFound(deviceId: parentId) }
        guard parent.iotEdge else {
            throw .argumentInvalid(field: field, rule: "device '\(parentId)' is not an IoT Edge device; only edge devices can be parents")
        }
        return parent
    }

    /// The `$edgeAgent` and `$edgeHub` identities and twins an edge device is given, for the
    /// ones it does not have yet.
    func edgeSystemModules(for device: DeviceIdentity, in state: HubState) throws(HubError) -> HubChange {
        var change = HubChange()
        for moduleId in Self.edgeSystemModuleIds where state.module(moduleId, on: device.deviceId) == nil {
            var module = ModuleIdentity(
                moduleId: moduleId, deviceId: device.deviceId,
                authentication: try AuthenticationMechanism.sas().completed(field: "authentication"))
            module.generationId = newGenerationId()
            module.etag = ETag.identity()
            change.save(module)
            change.save(TwinState(createdAt: timestamp()), key: module.storageKey)
            change.events.append(.moduleCreated(module))
        }
        return change
    }
}
