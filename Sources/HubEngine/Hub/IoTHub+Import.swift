import JSONValue

extension IoTHub {
    /// Runs a bulk import (POST `/devices`, or an import job's blob) entry by entry.
    ///
    /// An entry that breaks a rule is reported and skipped; the others go on, each seeing the
    /// ones before it. Everything that succeeded is then written in one workspace transaction
    /// with one `DevicesImported` event; if that write fails, no entry took effect and every
    /// entry reports the failure.
    public func importDevices(_ entries: [ExportImportDevice]) -> ImportReport {
        var working = state
        var total = HubChange()
        var failures: [ImportFailure] = []
        for (index, entry) in entries.enumerated() {
            do {
                let change = try importChange(entry, in: working)
                working.apply(change)
                total.merge(change, keepingEvents: false)
            } catch {
                failures.append(
                    ImportFailure(entryIndex: index, deviceId: entry.id, moduleId: entry.moduleId, mode: entry.effectiveMode, error: error))
            }
        }
        let succeeded = entries.count - failures.count
        guard succeeded > 0 else { return ImportReport(succeeded: 0, errors: failures) }
        do {
            total.events = [.devicesImported(succeeded: succeeded, failed: failures.count)]
            try persist(total)
        } catch {
            let all = entries.enumerated().map { index, entry in
                ImportFailure(entryIndex: index, deviceId: entry.id, moduleId: entry.moduleId, mode: entry.effectiveMode, error: error)
            }
            return ImportReport(succeeded: 0, errors: all)
        }
        state = working
        return ImportReport(succeeded: succeeded, errors: failures)
    }

    /// Every device with its twin, in id order, as an export job writes them.
    public func exportDevices() -> [ExportImportDevice] {
        state.orderedDeviceIds().compactMap { deviceId in
            guard let device = state.devices[deviceId] else { return nil }
            var entry = ExportImportDevice(id: deviceId)
            entry.eTag = device.etag
            entry.status = device.status
            entry.statusReason = device.statusReason
            entry.authentication = device.authentication
            if let twin = state.twins[deviceId] {
                entry.twinETag = twin.etag
                entry.tags = twin.tags
                entry.desiredProperties = twin.desired.content
                entry.reportedProperties = twin.reported.content
            }
            entry.iotEdge = device.iotEdge
            entry.deviceScope = device.deviceScope
            entry.parentScopes = device.parentScopes
            return entry
        }
    }

    // MARK: - One entry

    private func importChange(_ entry: ExportImportDevice, in state: HubState) throws(HubError) -> HubChange {
        try IdentityRules.validate(id: entry.id, field: "id")
        if let moduleId = entry.moduleId {
            return try moduleImportChange(entry, moduleId: moduleId, in: state)
        }
        let existing = state.devices[entry.id]
        let mode = entry.effectiveMode
        switch mode {
        case .create, .createOrUpdate, .createOrUpdateIfMatchETag, .update, .updateIfMatchETag:
            if let existing {
                if mode == .create { throw .deviceAlreadyExists(deviceId: entry.id) }
                var (change, _) = try deviceUpdate(Self.request(from: entry, over: existing), ifMatch: entry.identityIfMatch, in: state)
                try applyTwinData(of: entry, key: entry.id, to: &change, in: state)
                return change
            }
            if mode.requiresExistingIdentity { throw .deviceNotFound(deviceId: entry.id) }
            var (change, _) = try deviceCreation(Self.request(from: entry, over: nil), in: state)
            try applyTwinData(of: entry, key: entry.id, to: &change, in: state)
            return change
        case .delete, .deleteIfMatchETag:
            return try deviceDeletion(entry.id, ifMatch: entry.identityIfMatch, in: state)
        case .updateTwin, .updateTwinIfMatchETag:
            guard existing != nil else { throw .deviceNotFound(deviceId: entry.id) }
            var change = HubChange()
            try applyTwinData(of: entry, key: entry.id, to: &change, in: state, ifMatch: entry.twinIfMatch)
            return change
        }
    }

    private func moduleImportChange(_ entry: ExportImportDevice, moduleId: String, in state: HubState) throws(HubError) -> HubChange {
        guard state.devices[entry.id] != nil else { throw .deviceNotFound(deviceId: entry.id) }
        let existing = state.module(moduleId, on: entry.id)
        let key = entry.id + "/" + moduleId
        let mode = entry.effectiveMode
        switch mode {
        case .create, .createOrUpdate, .createOrUpdateIfMatchETag, .update, .updateIfMatchETag:
            var request = existing ?? ModuleIdentity(moduleId: moduleId, deviceId: entry.id)
            if let authentication = entry.authentication { request.authentication = authentication }
            var change: HubChange
            if existing != nil {
                if mode == .create { throw .moduleAlreadyExists(deviceId: entry.id, moduleId: moduleId) }
                (change, _) = try moduleUpdate(request, ifMatch: entry.identityIfMatch, in: state)
            } else {
                if mode.requiresExistingIdentity { throw .moduleNotFound(deviceId: entry.id, moduleId: moduleId) }
                (change, _) = try moduleCreation(request, in: state)
            }
            try applyTwinData(of: entry, key: key, to: &change, in: state)
            return change
        case .delete, .deleteIfMatchETag:
            return try moduleDeletion(moduleId, on: entry.id, ifMatch: entry.identityIfMatch, in: state)
        case .updateTwin, .updateTwinIfMatchETag:
            guard existing != nil else { throw .moduleNotFound(deviceId: entry.id, moduleId: moduleId) }
            var change = HubChange()
            try applyTwinData(of: entry, key: key, to: &change, in: state, ifMatch: entry.twinIfMatch)
            return change
        }
    }

    /// The identity an entry asks for: the existing one with the entry's fields laid over it.
    private static func request(from entry: ExportImportDevice, over existing: DeviceIdentity?) -> DeviceIdentity {
        var request = existing ?? DeviceIdentity(deviceId: entry.id)
        if let status = entry.status { request.status = status }
        if entry.statusReason != nil || entry.status != nil { request.statusReason = entry.statusReason }
        if let authentication = entry.authentication { request.authentication = authentication }
        if let iotEdge = entry.iotEdge { request.iotEdge = iotEdge }
        if let parentScopes = entry.parentScopes { request.parentScopes = parentScopes }
        if let deviceScope = entry.deviceScope, !request.iotEdge { request.deviceScope = deviceScope }
        return request
    }

    /// Replaces the twin's tags and properties with the entry's, when it has any.
    private func applyTwinData(
        of entry: ExportImportDevice, key: String, to change: inout HubChange, in state: HubState, ifMatch: String? = nil
    ) throws(HubError) {
        let pending = change.twins[key] ?? nil
        guard let twin = pending ?? state.twins[key] else { return }
        try Self.check(ifMatch, against: twin.etag, resource: "the twin of '\(key)'")
        guard entry.tags != nil || entry.desiredProperties != nil || entry.reportedProperties != nil else { return }
        try requireStandardFeatures("Device twins")
        var updated = twin
        let time = timestamp()
        if let tags = entry.tags {
            updated.tags = JSONValue.object(tags).removingNullMembers().objectValue ?? [:]
            try TwinLimits.validate(section: updated.tags, path: "tags", maximumBytes: TwinLimits.maximumTagsBytes)
        }
        if let desired = entry.desiredProperties {
            _ = updated.desired.replace(with: desired, time: time)
            try TwinLimits.validate(section: updated.desired.content, path: "properties.desired", maximumBytes: TwinLimits.maximumPropertiesBytes)
        }
        if let reported = entry.reportedProperties {
            _ = updated.reported.replace(with: reported, time: time)
            try TwinLimits.validate(section: updated.reported.content, path: "properties.reported", maximumBytes: TwinLimits.maximumPropertiesBytes)
        }
        updated.version += 1
        change.save(updated, key: key)
    }
}
