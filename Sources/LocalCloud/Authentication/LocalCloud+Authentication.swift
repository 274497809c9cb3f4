import Foundation
import HubEngine
import IoTSecurity

extension LocalCloud {
    /// Checks a connecting device's or module's credentials and names the hub that accepts them.
    ///
    /// A host that is a hub's `NAME.azure-devices.net` picks that hub. Any other host (`localhost`,
    /// an address, a classroom machine's name) is an alias: the hub is the one where the identity is
    /// registered and whose keys validate the credentials, since every key is unique per hub.
    ///
    /// The rules are Azure's: a SAS token signed with the identity's primary or secondary key, or
    /// with a hub policy that has `DeviceConnect`; its `sr` covering `HOST/devices/ID[/modules/MID]`;
    /// its expiry later than `now`. Or, with no token, a TLS client certificate whose SHA-1 or
    /// SHA-256 thumbprint is one the identity registered, or, for a CA-signed identity, whose CN is
    /// the device id and whose chain (with the intermediates it sent) reaches a CA certificate
    /// verified on the hub, every certificate valid on the lab clock. A disabled device is refused.
    ///
    /// - Parameter now: the token clock. Clients sign with the wall clock, so front doors pass real
    ///   time here even when the lab clock has been fast-forwarded.
    ///
    /// Every refusal is journaled (`AuthenticationFailed`, with the cause), as Azure's
    /// connection diagnostics record failed connects.
    public func authenticateDevice(_ credentials: DeviceCredentials, at now: Date) async throws(AuthenticationFailure) -> AuthenticatedDevice {
        do {
            return try await verifyDevice(credentials, at: now)
        } catch {
            journalRefusal(error, subject: credentials.moduleId.map { "\(credentials.deviceId)/\($0)" } ?? credentials.deviceId, host: credentials.hostName)
            throw error
        }
    }

    private func verifyDevice(_ credentials: DeviceCredentials, at now: Date) async throws(AuthenticationFailure) -> AuthenticatedDevice {
        let token = try credentials.sasToken.map(Self.parsedToken)
        let identity = credentials.moduleId.map { "Module \($0) on device \(credentials.deviceId)" } ?? "Device \(credentials.deviceId)"
        var registeredOn: [(HubResource, IoTHub, IoTHub.ConnectionCredentials)] = []
        for resource in candidateHubs(forHost: credentials.hostName) {
            guard let hub = try? engine(forHub: resource.name),
                  let stored = try? await hub.connectionCredentials(deviceId: credentials.deviceId, moduleId: credentials.moduleId)
            else { continue }
            registeredOn.append((resource, hub, stored))
        }
        guard !registeredOn.isEmpty else {
            throw AuthenticationFailure("\(identity) is not registered on \(hubDescription(forHost: credentials.hostName))")
        }
        var failure: AuthenticationFailure?
        for (resource, hub, stored) in registeredOn {
            do {
                let kind = try Self.verify(
                    credentials, token: token, against: stored, of: resource, identity: identity, at: now, labTime: clock.now())
                let sender = MessageSender(deviceId: credentials.deviceId, moduleId: credentials.moduleId, authentication: kind)
                return AuthenticatedDevice(hubName: resource.name, hub: hub, sender: sender)
            } catch {
                failure = failure ?? error
            }
        }
        throw failure ?? AuthenticationFailure("\(identity) was not authenticated")
    }

    /// Checks a service client's `Authorization` header (a policy SAS token) and that its policy
    /// grants `right`, as the service REST API does for each operation.
    ///
    /// `RegistryWrite` implies `RegistryRead`, as on Azure. The host is matched as for devices: a
    /// hub's hostname, or an alias (the service connection string's `HostName=localhost:8443`)
    /// resolved by the policy key that validates the token.
    public func authenticateService(
        hostName: String, authorization: String?, requiring right: SharedAccessPolicy.Right, at now: Date
    ) async throws(AuthenticationFailure) -> AuthenticatedService {
        do {
            return try verifyService(hostName: hostName, authorization: authorization, requiring: right, at: now)
        } catch {
            journalRefusal(error, subject: "service", host: hostName)
            throw error
        }
    }

    private func verifyService(
        hostName: String, authorization: String?, requiring right: SharedAccessPolicy.Right, at now: Date
    ) throws(AuthenticationFailure) -> AuthenticatedService {
        guard let authorization else {
            throw AuthenticationFailure("The request has no Authorization header; send a SAS token signed with a shared access policy")
        }
        let token = try Self.parsedToken(authorization)
        guard let policyName = token.policyName else {
            throw AuthenticationFailure("The SAS token names no policy (skn); service operations need a token signed with a shared access policy")
        }
        guard !token.isExpired(at: now) else { throw Self.expired(token) }
        var failure: AuthenticationFailure?
        for resource in candidateHubs(forHost: hostName) {
            guard let policy = resource.policies.first(where: { $0.keyName == policyName }) else { continue }
            guard Self.isSigned(token, withEither: [policy.primaryKey, policy.secondaryKey]) else {
                failure = failure ?? AuthenticationFailure("The SAS token's signature does not match policy \(policyName)'s keys on hub \(resource.name)")
                continue
            }
            guard token.grantsAccess(to: resource.hostName) || token.grantsAccess(to: hostName) else {
                failure = AuthenticationFailure("The SAS token's resource (sr) \"\(token.resourceURI)\" does not name hub \(resource.hostName)")
                continue
            }
            let rights = Set(policy.rights)
            guard rights.contains(right) || (right == .registryRead && rights.contains(.registryWrite)) else {
                throw AuthenticationFailure(
                    "Policy \(policyName) has the rights \(policy.rightsDescription); this operation needs \(right.rawValue)")
            }
            guard let hub = try? engine(forHub: resource.name) else { continue }
            return AuthenticatedService(hubName: resource.name, hub: hub, policyName: policyName, rights: rights)
        }
        throw failure ?? AuthenticationFailure("No policy named \(policyName) exists on \(hubDescription(forHost: hostName))")
    }

    /// `AuthenticationFailed` in the cloud's journal; a journal that cannot be written does not
    /// change the answer, which is a refusal either way.
    private func journalRefusal(_ failure: AuthenticationFailure, subject: String, host: String) {
        try? persist(
            event: "AuthenticationFailed", subject: subject,
            payload: ["identity": .string(subject), "host": .string(host), "errorCode": .integer(failure.errorCode ?? 401002), "reason": .string(failure.message)]
        ) { _ in }
    }

    /// The hub a host names, or every hub when the host is an alias.
    private func candidateHubs(forHost host: String) -> [HubResource] {
        let named = Self.hostWithoutPort(host).lowercased()
        let all = hubs()
        if let hub = all.first(where: { $0.hostName.lowercased() == named }) { return [hub] }
        return all
    }

    private func hubDescription(forHost host: String) -> String {
        let named = Self.hostWithoutPort(host).lowercased()
        return hubs().contains { $0.hostName.lowercased() == named } ? "hub \(named)" : "any hub (host \(host))"
    }

    private static func hostWithoutPort(_ host: String) -> Substring {
        // A bracketed IPv6 literal keeps its colons; otherwise a port follows the last colon.
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { return host[...close] }
        if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") { return host[..<colon] }
        return host[...]
    }

    private static func verify(
        _ credentials: DeviceCredentials, token: SharedAccessSignature?, against stored: IoTHub.ConnectionCredentials,
        of resource: HubResource, identity: String, at now: Date, labTime: Date
    ) throws(AuthenticationFailure) -> MessageSender.AuthenticationKind {
        guard stored.deviceEnabled else {
            throw AuthenticationFailure("Device \(credentials.deviceId) is disabled on hub \(resource.name)")
        }
        if let token {
            return try verify(token, for: credentials, against: stored, of: resource, identity: identity, at: now)
        }
        if let certificate = credentials.clientCertificate {
            try verify(certificate, chain: credentials.certificateChain, for: credentials, against: stored.authentication, of: resource, identity: identity, at: labTime)
            return .x509
        }
        throw AuthenticationFailure("\(identity) presented neither a SAS token (the password) nor a client certificate")
    }

    private static func verify(
        _ token: SharedAccessSignature, for credentials: DeviceCredentials, against stored: IoTHub.ConnectionCredentials,
        of resource: HubResource, identity: String, at now: Date
    ) throws(AuthenticationFailure) -> MessageSender.AuthenticationKind {
        guard !token.isExpired(at: now) else { throw expired(token) }
        let path = "/devices/\(credentials.deviceId)" + (credentials.moduleId.map { "/modules/\($0)" } ?? "")
        guard token.grantsAccess(to: resource.hostName + path) || token.grantsAccess(to: credentials.hostName + path) else {
            throw AuthenticationFailure("The SAS token's resource (sr) \"\(token.resourceURI)\" does not cover \(resource.hostName)\(path)")
        }
        if let policyName = token.policyName {
            guard let policy = resource.policies.first(where: { $0.keyName == policyName }) else {
                throw AuthenticationFailure("The SAS token names policy \(policyName), which hub \(resource.name) does not have")
            }
            guard policy.rights.contains(.deviceConnect) else {
                throw AuthenticationFailure("Policy \(policyName) lacks the DeviceConnect right needed to connect as a device")
            }
            guard isSigned(token, withEither: [policy.primaryKey, policy.secondaryKey]) else {
                throw AuthenticationFailure("The SAS token's signature does not match policy \(policyName)'s keys")
            }
            return .policySAS
        }
        let keys = stored.authentication
        guard keys.type == .sas else {
            throw AuthenticationFailure("\(identity) authenticates with \(keys.type.rawValue), not a SAS token")
        }
        guard isSigned(token, withEither: [keys.primaryKey, keys.secondaryKey].compactMap { $0 }) else {
            throw AuthenticationFailure("The SAS token's signature does not match \(identity)'s primary or secondary key")
        }
        return .sas
    }

    private static func verify(
        _ certificate: [UInt8], chain: [[UInt8]], for credentials: DeviceCredentials, against stored: AuthenticationMechanism,
        of resource: HubResource, identity: String, at labTime: Date
    ) throws(AuthenticationFailure) {
        switch stored.type {
        case .selfSigned:
            // Both sides are uppercase hex: the registry stores thumbprints normalized.
            let presented = [X509Thumbprint.sha1(ofDER: certificate), X509Thumbprint.sha256(ofDER: certificate)]
            let registered = [stored.primaryThumbprint, stored.secondaryThumbprint].compactMap { $0 }
            guard presented.contains(where: registered.contains) else {
                throw AuthenticationFailure(
                    "The client certificate's thumbprint \(presented[0]) matches neither thumbprint registered for \(identity)")
            }
        case .certificateAuthority:
            let trusted = resource.certificates.filter(\.isVerified).map(\.certificate)
            guard !trusted.isEmpty else {
                throw AuthenticationFailure(
                    "\(identity) uses CA-signed X.509 authentication, but hub \(resource.name) has no verified CA certificate (az iot hub certificate)")
            }
            do {
                let leaf = try X509Certificate(der: certificate)
                guard leaf.subjectCommonName == credentials.deviceId else {
                    throw AuthenticationFailure(
                        "The client certificate's CN '\(leaf.subjectCommonName ?? "")' must be the device id \(credentials.deviceId) for CA-signed authentication")
                }
                try leaf.verify(intermediates: chain.compactMap { try? X509Certificate(der: $0) }, trustedRoots: trusted, at: labTime)
            } catch let failure as AuthenticationFailure {
                throw failure
            } catch {
                throw AuthenticationFailure("The client certificate was not accepted: \(error)")
            }
        case .sas, .none:
            throw AuthenticationFailure("\(identity) authenticates with \(stored.type.rawValue), so it must send a SAS token, not only a certificate")
        }
    }

    private static func parsedToken(_ text: String) throws(AuthenticationFailure) -> SharedAccessSignature {
        do {
            return try SharedAccessSignature(parsing: text)
        } catch {
            throw AuthenticationFailure("The SAS token is malformed: \(error)")
        }
    }

    private static func isSigned(_ token: SharedAccessSignature, withEither keys: [String]) -> Bool {
        keys.contains { text in (try? SymmetricKey(base64: text)).map(token.isSigned(with:)) ?? false }
    }

    private static func expired(_ token: SharedAccessSignature) -> AuthenticationFailure {
        AuthenticationFailure("The SAS token expired at \(ISO8601DateFormatter().string(from: token.expiry)) (se)")
    }
}
