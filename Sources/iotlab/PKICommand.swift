import ArgumentParser
import Foundation
import IoTLabApp
import IoTSecurity

/// `iotlab pki`: the official labs' certGen.sh, by the same command names (dashes or certGen's
/// underscores) and the same files.
struct PKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki",
        abstract: "Make the labs' test certificates as certGen.sh does (root, intermediate, verification, device, edge CA).",
        discussion: """
            Works in the current directory (or --dir), writing certs/ and private/ with certGen.sh's file names, e.g.
              iotlab pki create-root-and-intermediate
              iotlab pki create-verification-certificate 5F1D...
              iotlab pki create-device-certificate sensor-thl-2000
            Existing files are never replaced without --force. Keys are RSA 4096 unless --key-type ec.
            """,
        subcommands: [
            RootAndIntermediate.self, VerificationCertificate.self, DeviceCertificate.self,
            DeviceCertificateFromIntermediate.self, EdgeDeviceCACertificate.self,
        ])

    /// The options every certGen command takes.
    struct Options: ParsableArguments {
        enum KeyType: String, ExpressibleByArgument, CaseIterable {
            case rsa, ec
        }

        @Option(help: "The folder holding certs/ and private/ (default: the current directory).")
        var dir: String?

        @Flag(help: "Replace files that exist already.")
        var force = false

        @Option(help: "The key algorithm: rsa, as certGen.sh, or ec (NIST P-256).")
        var keyType: KeyType = .rsa

        @Option(help: "The RSA key size in bits, 2048 to 8192 (default 4096, as certGen.sh).")
        var keySize: Int?

        @Option(help: "How many days the certificates are valid (default 30, as certGen.sh).")
        var days: Int = CertGenProfile.defaultValidityDays

        func validate() throws {
            if let keySize {
                guard keyType == .rsa else { throw ValidationError("--key-size applies to RSA keys only; EC keys are P-256") }
                guard (2048...8192).contains(keySize) else { throw ValidationError("--key-size must be 2048 to 8192 bits") }
            }
        }

        func run(_ request: CertGenRequest) -> Never {
            let algorithm: PrivateKey.Algorithm = keyType == .ec ? .ecP256 : .rsa(bits: keySize ?? 4096)
            let folder = dir.map { URL(fileURLWithPath: $0, relativeTo: .currentDirectory) } ?? .currentDirectory
            Output.emit(PKIOperation.run(
                request, in: folder, profile: CertGenProfile(keyAlgorithm: algorithm, validityDays: days, now: Date()), force: force))
        }
    }

    struct RootAndIntermediate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-root-and-intermediate", abstract: "Create the root CA and an intermediate CA it signs.",
            aliases: ["create_root_and_intermediate"])
        @OptionGroup var options: Options
        func run() throws { options.run(.rootAndIntermediate) }
    }

    struct VerificationCertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-verification-certificate",
            abstract: "Create certs/verification-code.cert.pem: CN = CODE, signed by the root (proof of possession).",
            aliases: ["create_verification_certificate"])
        @Argument(help: "The verification code the hub or DPS generated.") var code: String
        @OptionGroup var options: Options
        func run() throws { options.run(.verificationCertificate(code: code)) }
    }

    struct DeviceCertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-device-certificate",
            abstract: "Create certs/new-device.cert.pem/.pfx and private/new-device.key.pem: CN = NAME, signed by the root.",
            aliases: ["create_device_certificate"])
        @Argument(help: "The device (registration) id, which becomes the CN.") var name: String
        @OptionGroup var options: Options
        func run() throws { options.run(.deviceCertificate(name: name)) }
    }

    struct DeviceCertificateFromIntermediate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-device-certificate-from-intermediate",
            abstract: "Create the new-device files signed by the intermediate CA.",
            aliases: ["create_device_certificate_from_intermediate"])
        @Argument(help: "The device (registration) id, which becomes the CN.") var name: String
        @OptionGroup var options: Options
        func run() throws { options.run(.deviceCertificateFromIntermediate(name: name)) }
    }

    struct EdgeDeviceCACertificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-edge-device-ca-certificate",
            abstract: "Create an IoT Edge device CA (CN = NAME.ca) signed by the intermediate, with its full chain.",
            aliases: ["create_edge_device_ca_certificate"])
        @Argument(help: "The edge device CA's name, e.g. MyEdgeDeviceCA.") var name: String
        @OptionGroup var options: Options
        func run() throws { options.run(.edgeDeviceCACertificate(name: name)) }
    }
}
