import Foundation
import JSONValue
import LabCore

/// Turns a failed command into what az prints on standard error and the exit code it returns.
enum ErrorRenderer {
    /// Resource Manager errors (the local cloud's) print azure-core's `(Code) message` /
    /// `Code:` / `Message:` block, with exit code 3 for "not found" and 1 otherwise.
    static func resourceManager(_ error: any AzureError) -> ConsoleResult {
        let text = "ERROR: (\(error.errorName)) \(error.message)\nCode: \(error.errorName)\nMessage: \(error.message)\n"
        return ConsoleResult(standardOutput: "", standardError: text, exitCode: error.httpStatus == 404 ? 3 : 1)
    }

    /// IoT Hub data-plane errors print the service's error body, as the azure-iot extension
    /// surfaces it (`{"Message":"ErrorCode:DeviceNotFound;...","ExceptionMessage":"Tracking
    /// ID:...-G:0-TimeStamp:06/30/2021 03:00:00"}`), exit 1. The tracking id is made from the
    /// error code and the time, so the same failure at the same (manual) time prints the same text.
    static func dataPlane(_ error: any AzureError, at time: Date) -> ConsoleResult {
        let code = error.errorCode ?? error.httpStatus
        let seconds = Int(time.timeIntervalSince1970)
        let trackingID = hex(seconds, width: 16) + hex(code, width: 16)
        let body: JSONValue = [
            "Message": .string("ErrorCode:\(error.errorName);\(error.message)"),
            "ExceptionMessage": .string("Tracking ID:\(trackingID)-G:0-TimeStamp:\(timestamp(time))"),
        ]
        return ConsoleResult(standardOutput: "", standardError: "ERROR: " + body.serialized() + "\n", exitCode: 1)
    }

    private static func hex(_ number: Int, width: Int) -> String {
        let digits = String(UInt64(truncatingIfNeeded: number), radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `MM/dd/yyyy HH:mm:ss` in UTC, the service's timestamp format.
    private static func timestamp(_ time: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: time)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(two(parts.month))/\(two(parts.day))/\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }

    static func render(_ error: ConsoleError) -> ConsoleResult {
        ConsoleResult(standardOutput: "", standardError: error.message + "\n", exitCode: error.exitCode)
    }
}
