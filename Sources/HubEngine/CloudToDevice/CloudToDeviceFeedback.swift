import Foundation
import JSONValue
import LabCore

/// One record of the hub's feedback queue: what became of a message sent with an `ack`.
///
/// The service SDK reads these from `/messages/servicebound/feedback` as a JSON array of
/// `{originalMessageId, description, deviceGenerationId, deviceId, enqueuedTimeUtc, statusCode}`;
/// `json` is that element.
public struct CloudToDeviceFeedback: Sendable, Equatable {
    /// The outcome, spelled as Azure's `statusCode`.
    public enum Status: String, Sendable, CaseIterable {
        case success = "Success"
        case expired = "Expired"
        case deliveryCountExceeded = "DeliveryCountExceeded"
        case rejected = "Rejected"
        case purged = "Purged"

        /// Azure's `description` text for the outcome.
        var description: String {
            switch self {
            case .success: "Success"
            case .expired: "Message expired"
            case .deliveryCountExceeded: "Message delivery count exceeded"
            case .rejected: "Message rejected"
            case .purged: "Message purged"
            }
        }
    }

    public var originalMessageId: String?
    public var deviceId: String
    public var deviceGenerationId: String
    public var status: Status
    /// When the outcome happened.
    public var enqueuedTime: Date

    public init(originalMessageId: String?, deviceId: String, deviceGenerationId: String, status: Status, enqueuedTime: Date) {
        self.originalMessageId = originalMessageId
        self.deviceId = deviceId
        self.deviceGenerationId = deviceGenerationId
        self.status = status
        self.enqueuedTime = enqueuedTime
    }

    /// The record as the feedback batch carries it.
    public var json: JSONValue {
        [
            "originalMessageId": originalMessageId.map(JSONValue.string) ?? .null,
            "description": .string(status.description),
            "deviceGenerationId": .string(deviceGenerationId),
            "deviceId": .string(deviceId),
            "enqueuedTimeUtc": .string(AzureTimestamp.string(enqueuedTime)),
            "statusCode": .string(status.rawValue),
        ]
    }

    /// Reads a record written by `json`.
    init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "feedback")
        originalMessageId = try fields.string("originalMessageId")
        deviceId = try fields.string("deviceId") ?? ""
        deviceGenerationId = try fields.string("deviceGenerationId") ?? ""
        let statusCode = try fields.choice("statusCode", of: Status.allCases.map(\.rawValue)) ?? Status.success.rawValue
        status = Status(rawValue: statusCode) ?? .success
        guard let time = try fields.string("enqueuedTimeUtc").flatMap(AzureTimestamp.date) else {
            throw .argumentInvalid(field: fields.field("enqueuedTimeUtc"), rule: "must be a timestamp")
        }
        enqueuedTime = time
    }
}
