import ArgumentParser
import Foundation
import IoTLabApp

struct CertificateAuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca", abstract: "The workspace's own certificate authority, which the front doors' TLS certificate comes from.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the CA certificate (PEM) for your code to trust.",
            discussion: """
                Pass the file to the Python device SDK as server_verification_cert=open(FILE).read(), to the \
                service SDK as REQUESTS_CA_BUNDLE=FILE, to paho as tls_set(ca_certs=FILE).
                """)

        @Argument(help: "Where to write the PEM file.") var file: String

        func run() async throws {
            let path = URL(fileURLWithPath: file, relativeTo: .currentDirectory).standardizedFileURL.path
            Output.emit(await WorkspaceAccess.run(.exportCertificateAuthority(path: path), home: .current, workingDirectory: .currentDirectory))
        }
    }
}
