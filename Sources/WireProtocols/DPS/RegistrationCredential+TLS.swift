import IoTSecurity
import ProvisioningEngine

extension RegistrationCredential {
    /// The certificates an X.509 device presented in the TLS handshake, leaf first; DER that does
    /// not parse is left out, so the chain check refuses it like any unknown certificate.
    static func presented(_ certificates: (leaf: [UInt8]?, chain: [[UInt8]])) -> RegistrationCredential {
        let der = [certificates.leaf].compactMap { $0 } + certificates.chain
        return .certificateChain(der.compactMap { try? X509Certificate(der: $0) })
    }
}
