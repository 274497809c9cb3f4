/// The key a device in a DPS symmetric-key group enrollment signs with.
///
/// DPS never stores per-device keys for a group: each device's key is derived from the group key
/// and its registration ID, so the device computes it itself (as in Microsoft's samples) and DPS
/// recomputes it to check the device's token.
public enum DeviceKeyDerivation {
    /// `base64(HMAC-SHA256(key: groupKey, message: UTF-8 registrationID))`, a 32-byte key.
    public static func deviceKey(groupKey: SymmetricKey, registrationID: String) -> SymmetricKey {
        SymmetricKey(validatedBytes: HMAC.sha256(key: groupKey.bytes, message: Array(registrationID.utf8)))
    }
}
