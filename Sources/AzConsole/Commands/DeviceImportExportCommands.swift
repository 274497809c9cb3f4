import Foundation
import HubEngine
import JSONValue

/// `az iot hub device-identity export|import`, local form.
///
/// Azure runs these as jobs that read and write a `devices.txt` blob of JSON lines in the
/// ExportImportDevice shape. Offline there is no blob container, so the local commands read and
/// write that same file on disk (`--output-file`, `--input-file`), and report per-device errors
/// the way the job's `importErrors.log` does, without stopping the batch.
enum DeviceImportExportCommands {
    static let groups: [GroupSpec] = []

    static let commands = [
        CommandSpec(
            "iot hub device-identity export", summary: "Export all device identities to a JSON-lines file.",
            details: "Local form of the export job: writes one ExportImportDevice JSON document per line to --output-file "
                + "(default devices.txt in the working directory), as Azure writes devices.txt to the blob container.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--output-file", "--of"], default: "devices.txt", help: "File to write, relative to the working directory."),
                FlagSpec(["--include-keys", "--ik"], .boolean, help: "If set, keys are exported normally. Otherwise, keys are set to null in export output."),
                FlagSpec(["--blob-container-uri", "--bcu"], help: "Accepted for compatibility; the local export writes --output-file instead."),
            ]
        ) { context in
            let includeKeys = context.arguments.boolean("include-keys") == true
            let entries = try await context.hub().exportDevices().map { entry in
                var entry = entry
                if !includeKeys, entry.authentication?.type == .sas {
                    entry.authentication?.primaryKey = nil
                    entry.authentication?.secondaryKey = nil
                }
                return entry.json.serialized()
            }
            let file = context.workingDirectory.resolvingCommandLinePath(context.arguments.string("output-file") ?? "devices.txt")
            do {
                try (entries.map { $0 + "\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
            } catch {
                throw ConsoleError.invalidValue("Cannot write the export file '\(file.path)': \(error.localizedDescription)")
            }
            return ["type": "export", "status": "completed", "outputFile": .string(file.path), "devicesExported": .integer(entries.count)]
        },
        CommandSpec(
            "iot hub device-identity import", summary: "Import device identities from a JSON-lines file.",
            details: "Local form of the import job: reads one ExportImportDevice JSON document per line (importMode create, "
                + "update, updateIfMatchETag, createOrUpdate, delete, deleteIfMatchETag, updateTwin...) and reports per-line errors.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--input-file", "--if"], required: true, help: "JSON-lines file to read, relative to the working directory."),
                FlagSpec(["--input-blob-container-uri", "--ibcu"], help: "Accepted for compatibility; the local import reads --input-file."),
                FlagSpec(["--output-blob-container-uri", "--obcu"], help: "Accepted for compatibility; errors are printed."),
            ]
        ) { context in
            let file = context.workingDirectory.resolvingCommandLinePath(try context.required("input-file"))
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw ConsoleError.invalidValue("Cannot read the import file '\(file.path)': \(error.localizedDescription)")
            }
            var entries: [ExportImportDevice] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    entries.append(try ExportImportDevice(json: try JSONValue(parsing: String(line))))
                } catch let error as JSONParseError {
                    throw ConsoleError.invalidValue("\(file.lastPathComponent) line \(number + 1): not JSON: \(error.reason) at column \(error.column).")
                } catch {
                    throw ConsoleError.invalidValue("\(file.lastPathComponent) line \(number + 1): \(error)")
                }
            }
            let report = try await context.hub().importDevices(entries)
            var result = report.json
            result["type"] = "import"
            result["devicesImported"] = .integer(report.succeeded)
            return result
        },
    ]
}
