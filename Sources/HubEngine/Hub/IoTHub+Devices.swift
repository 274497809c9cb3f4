import Foundation
import JSONValue

extension IoTHub {
    /// Registers a device (PUT `/devices/{id}` without If-Match, `az iot hub device-identity create`).
    ///
    /// Missing symmetric keys are generated; an edge device gets its scope and the `$edgeAgent`
    /// and `$edgeHub` module identities; a device whose `parentScopes` (or leaf `deviceScope`)
    /// names an edge device becomes its child. F1 hubs hold at most 500 devices.
    public func createDevice(_ request: DeviceIdentity) throws(HubError) -> DeviceIdentity {
        try admitAtOnce(.registryOperation)
        let (change, device) = try deviceCreation(request, in: state)
        try commit(change)
        return device
    }

    /// Registers a device and sets its twin's tags and desired properties in one commit, as the
    /// Device Provisioning Service assigns a device with its enrollment's initial twin: one
    /// durable write per registration instead of two, and no moment when the device exists
    /// without its initial twin. Throttled and charged as a device create plus a twin replace.
    public func createDevice(_ request: DeviceIdentity, initialTwin document: JSONValue) throws(HubError) -> DeviceIdentity {
        try requireStandardFeatures("Device twins")
        try admitAtOnce(.registryOperation)
        try admitAtOnce(.twinUpdate)
        var (change, device) = try deviceCreation(request, in: state)
        let key = device.deviceId
        if case .some(.some(let twin)) = change.twins[key],
           let twinChange = try twinChange(of: twin, key: key, deviceId: key, moduleId: nil, body: document, replacing: true) {
            change.merge(twinChange)
        }
        try commit(change, chargingQuotaFor: document.compactBytes.count)
        return device
    }

    /// The device with this id (GET `/devices/{id}`); a registry operation, throttled as Azure does.
    public func device(_ deviceId: String) throws(HubError) -> DeviceIdentity {
        try admitAtOnce(.registryOperation)
        return try registeredDevice(deviceId)
    }

    /// The device with this id, for the hub's own checks (a C2D send, a connect): not a registry
    /// operation, so not throttled.
    func registeredDevice(_ deviceId: String) throws(HubError) -> DeviceIdentity {
        guard let device = state.devices[deviceId] else { throw .deviceNotFound(deviceId: deviceId) }
        return device
    }

    /// Up to `top` devices in id order; Azure returns at most 1000 per call.
    public func devices(top: Int = 1000) throws(HubError) -> [DeviceIdentity] {
        try admitAtOnce(.registryOperation)
        let ids = state.orderedDeviceIds().prefix(max(0, min(top, 1000)))
        return ids.compactMap { state.devices[$0] }
    }

    /// Replaces a device's status, status reason, authentication, edge capability and parent
    /// (PUT `/devices/{id}` with If-Match). Keys left out of a `sas` request are kept.
    public func updateDevice(_ identity: DeviceIdentity, ifMatch: String?) throws(HubError) -> DeviceIdentity {
        try admitAtOnce(.registryOperation)
        let (change, device) = try deviceUpdate(identity, ifMatch: ifMatch, in: state)
        try commit(change)
        return device
    }

    /// Deletes a device with its twin and modules (DELETE `/devices/{id}`); an edge device's
    /// children lose their parent.
    public func deleteDevice(_ deviceId: String, ifMatch: String?) throws(HubError) {
        try admitAtOnce(.registryOperation)
        try commit(try deviceDeletion(deviceId, ifMatch: ifMatch, in: state))
    }

    // MARK: - Changes

    func deviceCreation(_ request: DeviceIdentity, in state: HubState) throws(HubError) -> (HubChange, DeviceIdentity) {
        let deviceId = request.deviceId
        try IdentityRules.validate(id: deviceId, field: "deviceId")
        try Self.validate(statusReason: request.statusReason)
        if request.iotEdge { try requireStandardFeatures("IoT Edge") }
        if state.devices[deviceId] != nil { throw .deviceAlreadyExists(deviceId: deviceId) }
        let limit = settings.maximumDevices
        if state.deviceCount >= limit || state.identityCount + (request.iotEdge ? 3 : 1) > IdentityRules.maximumIdentities {
            throw .deviceQuotaExceeded(hubName: settings.name, limit: limit, current: state.deviceCount)
        }
        if request.parentScopes.count > 1 {
            throw .argumentInvalid(field: "parentScopes", rule: "a device has at most one parent")
        }
        var device = DeviceIdentity(
            deviceId: deviceId, authentication: try request.authentication.completed(field: "authentication"),
            status: request.status, statusReason: request.statusReason, iotEdge: request.iotEdge)
        device.generationId = newGenerationId()
        device.etag = ETag.identity()
        if device.iotEdge { device.deviceScope = Self.edgeScope(of: device) }
        if let parentScope = request.parentScopes.first ?? (request.iotEdge ? nil : request.deviceScope) {
            let parent = try parentDevice(forScope: parentScope, field: "parentScopes", in: state)
            device = Self.attached(device, to: parent)
        }
        var change = HubChange()
        change.save(device)
        change.save(TwinState(createdAt: timestamp()), key: deviceId)
        change.events.append(.deviceCreated(device))
        if device.iotEdge { change.merge(try edgeSystemModules(for: device, in: state)) }
        return (change, device)
    }

    func deviceUpdate(_ request: DeviceIdentity, ifMatch: String?, in state: HubState) throws(HubError) -> (HubChange, DeviceIdentity) {
        let deviceId = request.deviceId
        guard var device = state.devices[deviceId] else { throw .deviceNotFound(deviceId: deviceId) }
        try Self.check(ifMatch, against: device.etag, resource: "device '\(deviceId)'")
        try Self.validate(statusReason: request.statusReason)
        var change = HubChange()
        device.authentication = try request.authentication.keepingKeys(of: device.authentication).completed(field: "authentication")
        if request.status != device.status {
            device.status = request.status
            device.statusUpdatedTime = clock.now()
        }
        device.statusReason = request.statusReason
        if request.iotEdge, !device.iotEdge {
            try requireStandardFeatures("IoT Edge")
            device.iotEdge = true
            device.deviceScope = Self.edgeScope(of: device)
            change.merge(try edgeSystemModules(for: device, in: state))
        } else if !request.iotEdge, device.iotEdge {
            let children = Self.children(of: device, in: state)
            if !children.isEmpty {
                throw .argumentInvalid(
                    field: "capabilities.iotEdge",
                    rule: "device '\(deviceId)' is the parent of \(children.count) device(s); remove its children before turning IoT Edge off")
            }
            device.iotEdge = false
            device.deviceScope = device.parentScopes.first
        }
        if request.parentScopes.count > 1 {
            throw .argumentInvalid(field: "parentScopes", rule: "a device has at most one parent")
        }
        // A leaf names its parent in `deviceScope` too; a device's own edge scope names no parent.
        let leafScope = request.iotEdge || request.deviceScope == Self.edgeScope(of: device) ? nil : request.deviceScope
        let requestedParentScope = request.parentScopes.first ?? leafScope
        if requestedParentScope != device.parentScopes.first {
            if let requestedParentScope {
                let parent = try parentDevice(forScope: requestedParentScope, field: "parentScopes", in: state)
                try Self.checkNoCycle(attaching: device, to: parent, in: state)
                device = Self.attached(device, to: parent)
            } else {
                device = Self.detached(device)
            }
        }
        device.etag = ETag.identity(replacing: device.etag)
        change.save(device)
        change.events.insert(.deviceUpdated(device), at: 0)
        return (change, device)
    }

    func deviceDeletion(_ deviceId: String, ifMatch: String?, in state: HubState) throws(HubError) -> HubChange {
        guard let device = state.devices[deviceId] else { throw .deviceNotFound(deviceId: deviceId) }
        try Self.check(ifMatch, against: device.etag, resource: "device '\(deviceId)'")
        var change = HubChange()
        for child in Self.children(of: device, in: state) {
            var orphan = Self.detached(child)
            orphan.etag = ETag.identity(replacing: child.etag)
            change.save(orphan)
            change.events.append(.deviceUpdated(orphan))
        }
        change.deleteDevice(deviceId)
        change.deleteTwin(key: deviceId)
        for module in state.orderedModules(of: deviceId) {
            change.deleteModule(key: module.storageKey)
            change.deleteTwin(key: module.storageKey)
        }
        change.events.insert(.deviceDeleted(deviceId: deviceId), at: 0)
        return change
    }

    // MARK: - Rules shared by devices and modules

    /// Throws `PreconditionFailed` unless the If-Match value admits `current`.
    static func check(_ ifMatch: String?, against current: String, resource: String) throws(HubError) {
        guard ETag.matches(ifMatch, current: current) else {
            throw .preconditionFailed(resource: resource, expected: ETag.unquoted(ifMatch ?? ""), actual: current)
        }
    }

    static func validate(statusReason: String?) throws(HubError) {
        if let statusReason, statusReason.count > IdentityRules.maximumStatusReasonLength {
            throw .argumentInvalid(
                field: "statusReason",
                rule: "is \(statusReason.count) characters long; the maximum is \(IdentityRules.maximumStatusReasonLength)")
        }
    }
}
