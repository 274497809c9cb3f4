/// The document collections an IoT Hub query can read, named as in its FROM clause.
public enum QueryCollection: String, Sendable, CaseIterable {
    /// `FROM devices`: device twins.
    case devices = "devices"
    /// `FROM devices.modules`: module twins.
    case modules = "devices.modules"
    /// `FROM devices.jobs`: the per-device records of jobs.
    case jobs = "devices.jobs"

    /// The members of the collection's name, which a path may repeat as a prefix
    /// (`devices.jobs.status` in a query FROM devices.jobs reads `status`).
    var nameSegments: [String] {
        rawValue.split(separator: ".").map(String.init)
    }
}
