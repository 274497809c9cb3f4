extension IoTHub {
    /// Records that a device or module connected or disconnected, as the MQTT front door sees
    /// it: `connectionState`, `connectionStateUpdatedTime` and (on connect) `lastActivityTime`
    /// change, the identity etag does not (Azure leaves it alone), and a `ConnectionChanged`
    /// event is journalled. Recording the state it already has changes nothing.
    public func recordConnection(_ state: ConnectionState, ofDevice deviceId: String, module moduleId: String?) throws(HubError) {
        let now = clock.now()
        var change = HubChange()
        if let moduleId {
            var module = try Self.existingModule(moduleId, on: deviceId, in: self.state)
            guard module.connectionState != state else { return }
            module.connectionState = state
            module.connectionStateUpdatedTime = now
            if state == .connected { module.lastActivityTime = now }
            change.save(module)
        } else {
            guard var device = self.state.devices[deviceId] else { throw .deviceNotFound(deviceId: deviceId) }
            guard device.connectionState != state else { return }
            device.connectionState = state
            device.connectionStateUpdatedTime = now
            if state == .connected { device.lastActivityTime = now }
            change.save(device)
        }
        change.events.append(.connectionChanged(deviceId: deviceId, moduleId: moduleId, state: state))
        try commit(change)
    }
}
