import Foundation
internal import COpenSSL

extension X509Certificate {
    /// Whether a TLS client that connected to `hostName` accepts this certificate's names, by the
    /// rules clients apply (RFC 6125): an IP literal must be one of the `IP` subject alternative
    /// names, any other name must match a `DNS` one (the subject CN is ignored once there are SANs).
    ///
    /// A front door uses this to decide whether its server certificate still covers every host the
    /// devices use (`localhost`, `127.0.0.1`, each hub's `NAME.azure-devices.net`) or must be re-issued.
    public func isValid(forHost hostName: String) -> Bool {
        let matched = try? withParsed { certificate in
            if HostName.isIPAddress(hostName) {
                X509_check_ip_asc(certificate, hostName, 0) == 1
            } else {
                X509_check_host(certificate, hostName, hostName.utf8.count, 0, nil) == 1
            }
        }
        ERR_clear_error()
        return matched ?? false
    }
}

/// Host names as certificates carry them.
enum HostName {
    /// Whether `name` is an IPv4 or IPv6 literal (`127.0.0.1`, `::1`) rather than a DNS name.
    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
