extension IoTHub {
    /// What a front door checks a connecting device or module against: the identity's
    /// authentication mechanism and whether its device is enabled.
    public struct ConnectionCredentials: Sendable, Equatable {
        public let authentication: AuthenticationMechanism
        public let deviceEnabled: Bool
    }

    /// The credentials of `deviceId` (or its module `moduleId`), for authenticating a connection.
    ///
    /// Not a registry operation: Azure does not charge a device's connect against the registry
    /// throttle, so neither does this.
    public func connectionCredentials(deviceId: String, moduleId: String?) throws(HubError) -> ConnectionCredentials {
        let device = try registeredDevice(deviceId)
        let authentication = try moduleId.map { moduleId throws(HubError) in
            try Self.existingModule(moduleId, on: deviceId, in: state).authentication
        } ?? device.authentication
        return ConnectionCredentials(authentication: authentication, deviceEnabled: device.status == .enabled)
    }
}
