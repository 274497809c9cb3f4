import Foundation
import JSONValue
import LabCore
import NIOHTTP1

extension RESTResponse {
    /// An error as IoT Hub answers it: the status with its reason phrase (msrest shows only the
    /// phrase), `iothub-errorcode: <name>`, and the JSON body the C#, Node and Java SDKs and the
    /// CLI parse, `{"Message":"ErrorCode:<name>;<text>","ExceptionMessage":"Tracking ID:<hex>-G:0-TimeStamp:<MM/dd/yyyy HH:mm:ss>"}`.
    static func error(_ error: any AzureError, at now: Date) -> RESTResponse {
        let trackingId = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let body: JSONValue = [
            "Message": .string("ErrorCode:\(error.errorName);\(error.message)"),
            "ExceptionMessage": .string("Tracking ID:\(trackingId)-G:0-TimeStamp:\(trackingTimestamp(now))"),
        ]
        var response = json(body, status: HTTPResponseStatus(statusCode: error.httpStatus))
        response.headers.add(name: "iothub-errorcode", value: error.errorName)
        return response
    }

    /// An error no engine named (a bug, or the store failing): 500 ServerError with its text,
    /// so the client gets an answer rather than a dropped connection.
    static func unexpected(_ error: any Error, at now: Date) -> RESTResponse {
        self.error(UnexpectedServerError(reason: String(describing: error)), at: now)
    }

    /// `05/01/2024 10:00:00` in UTC, the form Azure's tracking ids carry.
    private static func trackingTimestamp(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(two(parts.month))/\(two(parts.day))/\(parts.year ?? 1) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}

/// 500001 ServerError for a failure that is not an `AzureError`.
struct UnexpectedServerError: AzureError {
    let reason: String
    var httpStatus: Int { 500 }
    var errorCode: Int? { 500001 }
    var errorName: String { "ServerError" }
    var message: String { "The hub failed to process the request: \(reason)" }
}
