import JSONValue

extension IoTHub {
    // MARK: - Service side

    /// The device twin (GET `/twins/{id}`), in Azure's shape with `$metadata` and versions.
    public func twin(of deviceId: String) throws(HubError) -> JSONValue {
        try requireStandardFeatures("Device twins")
        try admitAtOnce(.twinRead)
        let (key, _) = try twinState(deviceId, moduleId: nil)
        return try chargedRead(state.documents[key] ?? .emptyObject)
    }

    /// Merges `tags` and `properties.desired` into the device twin (PATCH `/twins/{id}`): `null`
    /// deletes, objects merge, anything else replaces. If-Match is checked against the twin etag.
    public func updateTwin(of deviceId: String, patch: JSONValue, ifMatch: String?) throws(HubError) -> JSONValue {
        try changeTwin(deviceId, moduleId: nil, body: patch, ifMatch: ifMatch, replacing: false)
    }

    /// Replaces the device twin's `tags` and `properties.desired` (PUT `/twins/{id}`); reported
    /// properties and read-only members of the body are ignored.
    public func replaceTwin(of deviceId: String, with document: JSONValue, ifMatch: String?) throws(HubError) -> JSONValue {
        try changeTwin(deviceId, moduleId: nil, body: document, ifMatch: ifMatch, replacing: true)
    }

    /// The module twin (GET `/twins/{id}/modules/{mid}`).
    public func moduleTwin(of moduleId: String, on deviceId: String) throws(HubError) -> JSONValue {
        try requireStandardFeatures("Module twins")
        try admitAtOnce(.twinRead)
        let (key, _) = try twinState(deviceId, moduleId: moduleId)
        return try chargedRead(state.documents[key] ?? .emptyObject)
    }

    /// Merges into a module twin, as `updateTwin(of:patch:ifMatch:)` does for devices.
    public func updateModuleTwin(of moduleId: String, on deviceId: String, patch: JSONValue, ifMatch: String?) throws(HubError) -> JSONValue {
        try changeTwin(deviceId, moduleId: moduleId, body: patch, ifMatch: ifMatch, replacing: false)
    }

    /// Replaces a module twin's tags and desired properties.
    public func replaceModuleTwin(of moduleId: String, on deviceId: String, with document: JSONValue, ifMatch: String?) throws(HubError) -> JSONValue {
        try changeTwin(deviceId, moduleId: moduleId, body: document, ifMatch: ifMatch, replacing: true)
    }

    // MARK: - Device side

    /// What a device reads with `$iothub/twin/GET`: `{"desired": {…, "$version"}, "reported": {…, "$version"}}`,
    /// without tags or metadata.
    public func twinProperties(ofDevice deviceId: String, module moduleId: String?) throws(HubError) -> JSONValue {
        try requireStandardFeatures("Device twins")
        try admitAtOnce(.twinRead)
        let (_, twin) = try twinState(deviceId, moduleId: moduleId)
        return try chargedRead(["desired": Self.deviceView(twin.desired), "reported": Self.deviceView(twin.reported)])
    }

    /// Merges a device's reported-properties patch and returns the new reported `$version`
    /// (`$iothub/twin/PATCH/properties/reported`).
    public func updateReportedProperties(ofDevice deviceId: String, module moduleId: String?, patch: JSONValue) throws(HubError) -> Int {
        try requireStandardFeatures("Device twins")
        try admitAtOnce(.twinUpdate)
        let (key, twin) = try twinState(deviceId, moduleId: moduleId)
        guard case .object(let members) = patch else {
            throw .argumentInvalid(field: "properties.reported", rule: "the patch must be a JSON object, not \(patch.typeName)")
        }
        var updated = twin
        updated.reported.apply(patch: members, time: timestamp())
        try TwinLimits.validate(section: updated.reported.content, path: "properties.reported", maximumBytes: TwinLimits.maximumPropertiesBytes)
        updated.version += 1
        var change = HubChange()
        change.save(updated, key: key)
        change.events.append(
            .reportedPropertiesUpdated(deviceId: deviceId, moduleId: moduleId, patch: members, reportedVersion: updated.reported.version))
        try commit(change, chargingQuotaFor: patch.compactBytes.count)
        return updated.reported.version
    }

    // MARK: - Shared

    /// The twin of a device or module, refusing unknown ids.
    func twinState(_ deviceId: String, moduleId: String?) throws(HubError) -> (String, TwinState) {
        guard state.devices[deviceId] != nil else { throw .deviceNotFound(deviceId: deviceId) }
        var key = deviceId
        if let moduleId {
            guard state.module(moduleId, on: deviceId) != nil else { throw .moduleNotFound(deviceId: deviceId, moduleId: moduleId) }
            key += "/" + moduleId
        }
        guard let twin = state.twins[key] else { throw .deviceNotFound(deviceId: deviceId) }
        return (key, twin)
    }

    private func changeTwin(_ deviceId: String, moduleId: String?, body: JSONValue, ifMatch: String?, replacing: Bool) throws(HubError) -> JSONValue {
        try requireStandardFeatures(moduleId == nil ? "Device twins" : "Module twins")
        try admitAtOnce(.twinUpdate)
        let (key, twin) = try twinState(deviceId, moduleId: moduleId)
        let resource = moduleId.map { "the twin of module '\($0)' on device '\(deviceId)'" } ?? "the twin of device '\(deviceId)'"
        try Self.check(ifMatch, against: twin.etag, resource: resource)
        guard let change = try twinChange(of: twin, key: key, deviceId: deviceId, moduleId: moduleId, body: body, replacing: replacing) else {
            return state.documents[key] ?? .emptyObject
        }
        try commit(change, chargingQuotaFor: body.compactBytes.count)
        return state.documents[key] ?? .emptyObject
    }

    /// The change that merges `body`'s tags and desired properties into `twin` (or replaces
    /// them), validated against the twin limits; `nil` when the body names neither.
    func twinChange(
        of twin: TwinState, key: String, deviceId: String, moduleId: String?, body: JSONValue, replacing: Bool
    ) throws(HubError) -> HubChange? {
        let fields = try JSONFields(body, path: "")
        var tags = try fields.object("tags")?.members
        var desired = try fields.object("properties")?.object("desired")?.members.filter { $0.key != "$metadata" && $0.key != "$version" }
        if replacing {
            tags = tags ?? [:]
            desired = desired ?? [:]
        }
        guard tags != nil || desired != nil else { return nil }
        var updated = twin
        let time = timestamp()
        var tagsDelta: JSONObject?
        if let tags {
            let newTags = JSONValue.object(replacing ? [:] : twin.tags).merging(patch: .object(tags)).objectValue ?? [:]
            try TwinLimits.validate(section: newTags, path: "tags", maximumBytes: TwinLimits.maximumTagsBytes)
            tagsDelta = replacing ? JSONValue.object(twin.tags).mergePatch(to: .object(newTags)).objectValue : tags
            updated.tags = newTags
        }
        var desiredDelta: JSONObject?
        if let desired {
            if replacing {
                desiredDelta = updated.desired.replace(with: desired, time: time)
            } else {
                updated.desired.apply(patch: desired, time: time)
                desiredDelta = desired
            }
            try TwinLimits.validate(
                section: updated.desired.content, path: "properties.desired", maximumBytes: TwinLimits.maximumPropertiesBytes)
        }
        updated.version += 1
        var change = HubChange()
        change.save(updated, key: key)
        change.events.append(
            .twinUpdated(
                deviceId: deviceId, moduleId: moduleId, tags: tagsDelta, desired: desiredDelta, version: updated.version,
                desiredVersion: updated.desired.version))
        return change
    }

    private static func deviceView(_ section: TwinSection) -> JSONValue {
        var members = section.content
        members["$version"] = .integer(section.version)
        return .object(members)
    }
}
