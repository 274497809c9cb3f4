/// Property lookup by the names a routing condition writes, ignoring letter case as IoT Hub's
/// message properties do.
extension RoutedMessage {
    /// The application property a bare name such as `sensorID` refers to.
    func applicationProperty(named name: String) -> String? {
        applicationProperties.propertyValue(named: name)
    }

    /// The value a condition's `$name` reads: a known system property by its documented name or
    /// key; otherwise a system property with that key, then an application property whose name
    /// starts with `$`, the order Azure's routing article gives.
    func dollarProperty(named name: String) -> String? {
        if let known = MessageSystemProperty(conditionName: name) {
            return known.value(in: systemProperties)
        }
        return systemProperties.propertyValue(named: String(name.dropFirst()))
            ?? applicationProperties.propertyValue(named: name)
    }
}
