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
    /// surfaces it (`{"Message":"ErrorCode:DeviceNotFound;...","ExceptionMessage":"..."}`), exit 1.
    static func dataPlane(_ error: any AzureError) -> ConsoleResult {
        let code = error.errorCode.map(String.init) ?? String(error.httpStatus)
        let body: JSONValue = [
            "Message": .string("ErrorCode:\(error.errorName);\(error.message)"),
            "ExceptionMessage": .string("Tracking ID:\(code)-G:0 (local emulation, HTTP \(error.httpStatus))"),
        ]
        return ConsoleResult(standardOutput: "", standardError: "ERROR: " + body.serialized() + "\n", exitCode: 1)
    }

    static func render(_ error: ConsoleError) -> ConsoleResult {
        ConsoleResult(standardOutput: "", standardError: error.message + "\n", exitCode: error.exitCode)
    }
}
