import ArgumentParser
import Foundation
import IoTLabApp

struct TPMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tpm", abstract: "A simulated TPM for DPS's TPM attestation, which the Python device SDK lacks.",
        subcommands: [Create.self, Register.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a TPM endorsement key pair for a registration id and print the key to enroll.",
            discussion: "The private key stays in $IOTLAB_HOME/tpm/ID.ek.pem; enroll the printed key with az iot dps enrollment create --attestation-type tpm.")

        @Option(name: [.customLong("registration-id"), .customLong("rid")], help: "The device's registration id.") var registrationId: String

        func run() throws {
            print(try SimulatedTPM(home: .current, registrationId: registrationId).create(), terminator: "")
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register with DPS over HTTPS as the TPM device, answering DPS's nonce challenge.",
            discussion: "Needs `iotlab serve` running. Prints the registration result and the device's hub connection string.")

        @Option(name: [.customLong("id-scope"), .customLong("scope")], help: "The DPS's ID scope (az iot dps show --name N --query properties.idScope).")
        var idScope: String
        @Option(name: [.customLong("registration-id"), .customLong("rid")], help: "The device's registration id.") var registrationId: String
        @Option(help: "Data for a custom allocation function (JSON).") var payload: String?
        @Option(help: "The HTTPS front door's address.") var host = "127.0.0.1"
        @Option(help: "The HTTPS port (default: 443, then 8443, where serve falls back).") var port: Int?
        @Option(help: "The name the server certificate is checked for.") var serverName = "localhost"

        func run() async throws {
            let tpm = try SimulatedTPM(home: .current, registrationId: registrationId)
            let text = try await tpm.register(
                idScope: idScope, payload: payload, host: host, ports: port.map { [$0] } ?? [443, 8443], serverName: serverName)
            print(text, terminator: "")
        }
    }
}
