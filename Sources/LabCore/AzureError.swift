/// An error as Azure reports it: an HTTP status, a numeric code where the service has one, a
/// name such as `DeviceNotFound`, and a message that names the field and the rule.
///
/// Every engine has one error type conforming to this, so that each front door (the az console,
/// REST, MQTT) renders the same case the same way and the text is built in one place.
public protocol AzureError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status the REST API answers with, e.g. 404.
    var httpStatus: Int { get }
    /// Azure's six-digit code, e.g. 404001; `nil` for Resource Manager errors, which have none.
    var errorCode: Int? { get }
    /// Azure's error name, e.g. `DeviceNotFound`.
    var errorName: String { get }
    /// The explanation, naming the field and the rule where one was broken.
    var message: String { get }
}

extension AzureError {
    /// `404001 DeviceNotFound: Device sensor-1 not registered`, the form the CLI prints.
    public var description: String {
        if let errorCode { "\(errorCode) \(errorName): \(message)" } else { "\(errorName): \(message)" }
    }
}
