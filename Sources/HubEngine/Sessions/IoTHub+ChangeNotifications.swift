extension IoTHub {
    /// Tells live sessions what a committed change means for them.
    ///
    /// A desired-properties patch goes to the twin's session if it subscribed, with the desired
    /// `$version` it produced. A device that is disabled or deleted is disconnected at once, with
    /// its modules (Azure closes the connections of a disabled identity); a deleted module's
    /// session closes too, and a deleted device's cloud-to-device queue goes with it. Identities
    /// are read from the change itself, so bulk imports (which journal one summary) count too.
    func changeCommitted(_ change: HubChange) {
        for event in change.events {
            guard case .twinUpdated(let deviceId, let moduleId, _, .some(let patch), _, let desiredVersion) = event else { continue }
            let key = moduleId.map { deviceId + "/" + $0 } ?? deviceId
            sessions.session(key, subscribedTo: .desiredProperties)?.continuation.yield(.desiredProperties(patch: patch, version: desiredVersion))
        }
        for (deviceId, identity) in change.devices {
            switch identity {
            case .none:
                for key in sessions.keys(ofDevice: deviceId) { endSession(key, reason: .identityDeleted) }
                forgetCloudToDeviceQueue(of: deviceId)
            case .some(let device) where device.status == .disabled:
                for key in sessions.keys(ofDevice: deviceId) { endSession(key, reason: .deviceDisabled) }
            case .some:
                continue
            }
        }
        for (key, module) in change.modules where module == nil {
            endSession(key, reason: .identityDeleted)
        }
    }
}
