extension IoTHub {
    /// Tells live sessions what a committed change means for them: desired-property patches,
    /// and disconnection of a device disabled or deleted (filled in by the sessions work).
    func changeCommitted(_ change: HubChange) {}
}
