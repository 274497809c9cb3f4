import HubEngine
import LabCore

/// Why the hub refused something a pane asked of it, as Azure reports it (status, code, name,
/// message) plus the request field the rule is about when the hub named one, so the pane can
/// show the refusal at that field (`properties.desired.fan`, `responseTimeoutInSeconds`).
///
/// The panes never check the hub's rules themselves: they send the request and show this.
public struct HubRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var httpStatus: Int?
    public var errorCode: Int?
    public var errorName: String
    public var message: String
    /// The field the hub named (`ArgumentInvalid`'s field), or nil.
    public var field: String?

    public init(httpStatus: Int?, errorCode: Int?, errorName: String, message: String, field: String? = nil) {
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.errorName = errorName
        self.message = message
        self.field = field
    }

    /// The refusal an engine error stands for; an error that is not Azure's keeps its text.
    public init(_ error: any Error) {
        guard let azure = error as? any AzureError else {
            self.init(httpStatus: nil, errorCode: nil, errorName: "Error", message: String(describing: error))
            return
        }
        var field: String?
        if case .argumentInvalid(let name, _)? = error as? HubError { field = name }
        if case .argumentInvalid(let name, _)? = error as? DeviceMessagingError { field = name }
        self.init(httpStatus: azure.httpStatus, errorCode: azure.errorCode, errorName: azure.errorName, message: azure.message, field: field)
    }

    /// `412001 PreconditionFailed: …`, the form the CLI prints.
    public var description: String {
        (errorCode.map { "\($0) " } ?? "") + errorName + ": " + message
    }
}
