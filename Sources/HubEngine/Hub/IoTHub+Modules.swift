extension IoTHub {
    /// Registers a module identity on a device (PUT `/devices/{id}/modules/{mid}`); keys are
    /// generated unless given. Ids starting with `$` are reserved for IoT Edge system modules.
    public func createModule(_ request: ModuleIdentity) throws(HubError) -> ModuleIdentity {
        try admitAtOnce(.registryOperation)
        let (change, module) = try moduleCreation(request, in: state)
        try commit(change)
        return module
    }

    /// The module with this id on the device (GET `/devices/{id}/modules/{mid}`).
    public func module(_ moduleId: String, on deviceId: String) throws(HubError) -> ModuleIdentity {
        try admitAtOnce(.registryOperation)
        return try Self.existingModule(moduleId, on: deviceId, in: state)
    }

    /// The device's modules in id order (GET `/devices/{id}/modules`).
    public func modules(on deviceId: String) throws(HubError) -> [ModuleIdentity] {
        try admitAtOnce(.registryOperation)
        guard state.devices[deviceId] != nil else { throw .deviceNotFound(deviceId: deviceId) }
        return state.orderedModules(of: deviceId)
    }

    /// Replaces a module's authentication and `managedBy` (PUT with If-Match); keys left out
    /// of a `sas` request are kept.
    public func updateModule(_ identity: ModuleIdentity, ifMatch: String?) throws(HubError) -> ModuleIdentity {
        try admitAtOnce(.registryOperation)
        let (change, module) = try moduleUpdate(identity, ifMatch: ifMatch, in: state)
        try commit(change)
        return module
    }

    /// Deletes a module and its twin (DELETE `/devices/{id}/modules/{mid}`); the IoT Edge
    /// system modules go only with their device.
    public func deleteModule(_ moduleId: String, on deviceId: String, ifMatch: String?) throws(HubError) {
        try admitAtOnce(.registryOperation)
        try commit(try moduleDeletion(moduleId, on: deviceId, ifMatch: ifMatch, in: state))
    }

    // MARK: - Changes

    func moduleCreation(_ request: ModuleIdentity, in state: HubState) throws(HubError) -> (HubChange, ModuleIdentity) {
        try requireStandardFeatures("Module identities")
        guard state.devices[request.deviceId] != nil else { throw .deviceNotFound(deviceId: request.deviceId) }
        try IdentityRules.validate(id: request.moduleId, field: "moduleId")
        if request.moduleId.hasPrefix("$") {
            throw .argumentInvalid(field: "moduleId", rule: "ids starting with '$' are reserved for IoT Edge system modules")
        }
        if state.module(request.moduleId, on: request.deviceId) != nil {
            throw .moduleAlreadyExists(deviceId: request.deviceId, moduleId: request.moduleId)
        }
        if state.identityCount >= IdentityRules.maximumIdentities {
            throw .deviceQuotaExceeded(hubName: settings.name, limit: IdentityRules.maximumIdentities, current: state.identityCount)
        }
        var module = ModuleIdentity(
            moduleId: request.moduleId, deviceId: request.deviceId,
            authentication: try request.authentication.completed(field: "authentication"), managedBy: request.managedBy)
        module.generationId = newGenerationId()
        module.etag = ETag.identity()
        var change = HubChange()
        change.save(module)
        change.save(TwinState(createdAt: timestamp()), key: module.storageKey)
        change.events.append(.moduleCreated(module))
        return (change, module)
    }

    func moduleUpdate(_ request: ModuleIdentity, ifMatch: String?, in state: HubState) throws(HubError) -> (HubChange, ModuleIdentity) {
        var module = try Self.existingModule(request.moduleId, on: request.deviceId, in: state)
        try Self.check(ifMatch, against: module.etag, resource: "module '\(request.moduleId)' on device '\(request.deviceId)'")
        module.authentication = try request.authentication.keepingKeys(of: module.authentication).completed(field: "authentication")
        module.managedBy = request.managedBy
        module.etag = ETag.identity(replacing: module.etag)
        var change = HubChange()
        change.save(module)
        change.events.append(.moduleUpdated(module))
        return (change, module)
    }

    func moduleDeletion(_ moduleId: String, on deviceId: String, ifMatch: String?, in state: HubState) throws(HubError) -> HubChange {
        let module = try Self.existingModule(moduleId, on: deviceId, in: state)
        try Self.check(ifMatch, against: module.etag, resource: "module '\(moduleId)' on device '\(deviceId)'")
        if Self.edgeSystemModuleIds.contains(moduleId), state.devices[deviceId]?.iotEdge == true {
            throw .argumentInvalid(
                field: "moduleId", rule: "\(moduleId) is a system module of IoT Edge device '\(deviceId)' and is deleted only with the device")
        }
        var change = HubChange()
        change.deleteModule(key: module.storageKey)
        change.deleteTwin(key: module.storageKey)
        change.events.append(.moduleDeleted(deviceId: deviceId, moduleId: moduleId))
        return change
    }

    static func existingModule(_ moduleId: String, on deviceId: String, in state: HubState) throws(HubError) -> ModuleIdentity {
        guard state.devices[deviceId] != nil else { throw .deviceNotFound(deviceId: deviceId) }
        guard let module = state.module(moduleId, on: deviceId) else {
            throw .moduleNotFound(deviceId: deviceId, moduleId: moduleId)
        }
        return module
    }
}
