import Foundation
import IoTSecurity

extension ProvisioningRecords {
    /// Finds the enrollment that admits a device presenting `credential`, as DPS does: an
    /// individual enrollment for the registration id beats any group; a group admits a device whose
    /// token is signed with the key derived from the group key, or whose certificate (CN =
    /// registration id) chains to the group's certificate or to a VERIFIED CA it references.
    /// Certificate validity is judged at `time`, the lab clock. The status of the enrollment is
    /// not judged here (see ``EnrollmentMatch/policy``).
    ///
    /// - Throws: `unauthorized` with the hidden reason (the device hears only 401002);
    ///   `tpmChallenge` on the first leg of TPM attestation, after remembering the key it carries.
    public mutating func attest(
        registrationId: String, idScope: String, credential: RegistrationCredential,
        authorities: [CertificateAuthority], at time: Date, trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> EnrollmentMatch {
        do {
            try EnrollmentRules.validateRegistrationId(registrationId)
        } catch {
            throw refusal("registration id '\(registrationId)' is not valid: \(error.message)", &trace)
        }
        let individual = enrollments[registrationId]
        if let individual {
            trace.note("individual enrollment '\(individual.registrationId)' exists (\(individual.attestation.typeName)): it takes precedence over groups")
            guard individual.attestation.typeName == credential.kind else {
                throw refusal("the individual enrollment attests with \(individual.attestation.typeName), the device sent \(credential.kind)", &trace)
            }
        } else {
            trace.note("no individual enrollment for '\(registrationId)'; trying enrollment groups")
        }
        switch credential {
        case .sasToken(let text):
            let token = try Self.token(text, idScope: idScope, registrationId: registrationId, at: time, &trace)
            return try symmetricKeyMatch(token, individual: individual, registrationId: registrationId, &trace)
        case .certificateChain(let chain):
            return try certificateMatch(chain, individual: individual, registrationId: registrationId, authorities: authorities, at: time, &trace)
        case .tpm(let endorsementKey, _, let sasToken):
            guard let individual, case .tpm(let enrolledKey, _) = individual.attestation else {
                throw refusal("TPM attestation needs an individual enrollment for '\(registrationId)'", &trace)
            }
            guard Data(base64Encoded: endorsementKey) == Data(base64Encoded: enrolledKey) else {
                throw refusal("the endorsement key differs from the enrollment's", &trace)
            }
            let key = registrationId.lowercased()
            guard let sasToken else {
                let secret = SymmetricKey.generate()
                let challenge: [UInt8]
                do {
                    challenge = try TPMEndorsementKey.encrypt(secret.bytes, toPublicKey: Array(Data(base64Encoded: enrolledKey) ?? Data()))
                } catch {
                    throw refusal("the enrollment's endorsement key cannot be used: \(error)", &trace)
                }
                tpmChallenges[key] = secret
                trace.note("TPM first leg: sent a nonce key encrypted to the endorsement key")
                throw .tpmChallenge(authenticationKey: Data(challenge).base64EncodedString())
            }
            guard let secret = tpmChallenges[key] else {
                throw refusal("no TPM challenge is outstanding for '\(registrationId)'; start again without a token", &trace)
            }
            let token = try Self.token(sasToken, idScope: idScope, registrationId: registrationId, at: time, &trace)
            guard token.isSigned(with: secret) else {
                throw refusal("the SAS token is not signed with the key of the TPM challenge", &trace)
            }
            tpmChallenges[key] = nil
            trace.enrollment = "individual:\(individual.registrationId)"
            trace.note("TPM challenge answered")
            return EnrollmentMatch(
                source: .individual(individual), registrationId: registrationId,
                hubAuthentication: .symmetricKey(primaryKey: secret.base64, secondaryKey: SymmetricKey.generate().base64))
        }
    }

    private func symmetricKeyMatch(
        _ token: SharedAccessSignature, individual: IndividualEnrollment?, registrationId: String, _ trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> EnrollmentMatch {
        if let individual, case .symmetricKey(let primary, let secondary) = individual.attestation {
            guard Self.signed(token, primary, secondary) else {
                throw refusal("the SAS token is signed with neither key of the individual enrollment", &trace)
            }
            trace.enrollment = "individual:\(individual.registrationId)"
            return EnrollmentMatch(
                source: .individual(individual), registrationId: registrationId,
                hubAuthentication: .symmetricKey(primaryKey: primary, secondaryKey: secondary))
        }
        for group in groups.all {
            guard case .symmetricKey(let primary, let secondary) = group.attestation,
                  let groupPrimary = try? SymmetricKey(base64: primary), let groupSecondary = try? SymmetricKey(base64: secondary)
            else { continue }
            let derivedPrimary = DeviceKeyDerivation.deviceKey(groupKey: groupPrimary, registrationID: registrationId)
            let derivedSecondary = DeviceKeyDerivation.deviceKey(groupKey: groupSecondary, registrationID: registrationId)
            guard token.isSigned(with: derivedPrimary) || token.isSigned(with: derivedSecondary) else {
                trace.note("group '\(group.enrollmentGroupId)': the token is not signed with its derived key")
                continue
            }
            trace.enrollment = "group:\(group.enrollmentGroupId)"
            trace.note("group '\(group.enrollmentGroupId)': signed with the key derived from the group key")
            return EnrollmentMatch(
                source: .group(group), registrationId: registrationId,
                hubAuthentication: .symmetricKey(primaryKey: derivedPrimary.base64, secondaryKey: derivedSecondary.base64))
        }
        throw refusal("no enrollment for '\(registrationId)': no individual enrollment and no symmetric-key group whose derived key signed the token", &trace)
    }

    private func certificateMatch(
        _ chain: [X509Certificate], individual: IndividualEnrollment?, registrationId: String,
        authorities: [CertificateAuthority], at time: Date, _ trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> EnrollmentMatch {
        guard let leaf = chain.first else { throw refusal("the device presented no certificate", &trace) }
        guard leaf.subjectCommonName == registrationId else {
            throw refusal("the certificate's CN '\(leaf.subjectCommonName ?? "")' is not the registration id '\(registrationId)'", &trace)
        }
        let intermediates = Array(chain.dropFirst())
        let authentication = HubDeviceAuthentication.x509Thumbprint(leaf.sha1Thumbprint)
        if let individual, case .x509(.clientCertificates(let primary, let secondary)) = individual.attestation {
            let enrolled = [primary] + (secondary.map { [$0] } ?? [])
            do {
                try leaf.verify(intermediates: intermediates, trustedRoots: enrolled, at: time)
            } catch {
                throw refusal("the certificate does not match the individual enrollment's: \(error)", &trace)
            }
            trace.enrollment = "individual:\(individual.registrationId)"
            return EnrollmentMatch(source: .individual(individual), registrationId: registrationId, hubAuthentication: authentication)
        }
        for group in groups.all {
            guard case .x509(let x509) = group.attestation else { continue }
            let anchors: [X509Certificate]
            switch x509 {
            case .signingCertificates(let primary, let secondary):
                anchors = [primary] + (secondary.map { [$0] } ?? [])
            case .caReferences(let primary, let secondary):
                var verified: [X509Certificate] = []
                for name in [primary] + (secondary.map { [$0] } ?? []) {
                    guard let authority = authorities.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                        trace.note("group '\(group.enrollmentGroupId)': CA certificate '\(name)' is not on the DPS")
                        continue
                    }
                    guard authority.isVerified else {
                        trace.note("group '\(group.enrollmentGroupId)': CA certificate '\(name)' is not verified (proof of possession), so it is not trusted")
                        continue
                    }
                    verified.append(authority.certificate)
                }
                anchors = verified
            case .clientCertificates:
                continue
            }
            guard !anchors.isEmpty else { continue }
            do {
                try leaf.verify(intermediates: intermediates, trustedRoots: anchors, at: time)
            } catch {
                trace.note("group '\(group.enrollmentGroupId)': \(error)")
                continue
            }
            trace.enrollment = "group:\(group.enrollmentGroupId)"
            trace.note("group '\(group.enrollmentGroupId)': the certificate chains to its CA")
            return EnrollmentMatch(source: .group(group), registrationId: registrationId, hubAuthentication: authentication)
        }
        throw refusal("no enrollment for '\(registrationId)': no individual enrollment and no X.509 group whose verified CA the certificate chains to", &trace)
    }

    private static func token(
        _ text: String, idScope: String, registrationId: String, at time: Date, _ trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> SharedAccessSignature {
        let token: SharedAccessSignature
        do {
            token = try SharedAccessSignature(parsing: text)
        } catch {
            trace.refusal = "the SAS token cannot be read: \(error)"
            throw .unauthorized(reason: trace.refusal ?? "")
        }
        let resource = "\(idScope)/registrations/\(registrationId)"
        guard token.grantsAccess(to: resource) else {
            trace.refusal = "the SAS token's sr '\(token.resourceURI)' does not grant '\(resource)'"
            throw .unauthorized(reason: trace.refusal ?? "")
        }
        guard !token.isExpired(at: time) else {
            trace.refusal = "the SAS token expired at \(token.expiry.formatted(.iso8601))"
            throw .unauthorized(reason: trace.refusal ?? "")
        }
        return token
    }

    private static func signed(_ token: SharedAccessSignature, _ primary: String, _ secondary: String) -> Bool {
        [primary, secondary].contains { key in (try? SymmetricKey(base64: key)).map(token.isSigned(with:)) ?? false }
    }

    private func refusal(_ reason: String, _ trace: inout RegistrationTrace) -> ProvisioningError {
        trace.refusal = reason
        return .unauthorized(reason: reason)
    }
}
