/// Chooses the partition of the built-in endpoint (or of a custom Event Hubs endpoint) a device's
/// messages go to.
///
/// Azure keeps a device's messages in one partition so their order holds; the choice must be
/// the same in every process that reads or writes the workspace, so this is FNV-1a over the
/// id's UTF-8 (Swift's `Hasher` is seeded per process and would scatter a device across runs).
public enum EventPartitioner {
    /// The partition, in `0..<partitionCount`, that `key` (a device id) maps to.
    public static func partition(forKey key: String, partitionCount: Int) -> Int {
        guard partitionCount > 1 else { return 0 }
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash &*= 16_777_619
        }
        return Int(hash % UInt32(partitionCount))
    }
}
