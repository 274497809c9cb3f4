/// Flags the `az iot dps` commands share, declared once with the azure-iot extension's names.
enum DpsFlags {
    static let dpsName = FlagSpec(["--dps-name", "-n"], help: "Name of the Azure IoT Hub Device Provisioning Service. Required if --login is not provided.")
    static let requiredDpsName = FlagSpec(["--dps-name", "-n"], required: true, help: "Name of the Azure IoT Hub Device Provisioning Service.")
    /// The core CLI's resource commands (`linked-hub`, `policy`, `certificate`) take `--dps-name` alone.
    static let dpsNameOnly = FlagSpec(["--dps-name"], required: true, help: "Name of the Azure IoT Hub Device Provisioning Service.")
    static let login = FlagSpec(
        ["--login", "-l"],
        help: "A DPS connection string with rights to perform the action; the local cloud resolves it to the DPS it names.")
    static let authType = FlagSpec(
        ["--auth-type"], .choice(["key", "login"]), default: "key",
        help: "How az authenticates against the DPS data plane. The local cloud needs no authentication; accepted and ignored.")
    static let enrollmentId = FlagSpec(["--enrollment-id", "--eid"], required: true, help: "ID of device enrollment record.")
    static let groupId = FlagSpec(
        ["--enrollment-id", "--eid", "--group-id", "--gid"], required: true, help: "ID of enrollment group.")
    static let registrationId = FlagSpec(["--registration-id", "--rid"], required: true, help: "ID of device registration.")
    static let etag = FlagSpec(
        ["--etag", "-e"],
        help: "Etag or entity tag corresponding to the last state of the resource. If no etag is provided the value '*' is used.")
    static let showKeys = FlagSpec(
        ["--show-keys", "--keys"], .boolean, help: "Include attestation keys and information in the enrollment results.")
    static let top = FlagSpec(["--top"], .integer(), help: "Maximum number of enrollments to return.")

    /// Who the data-plane commands act on: `--dps-name` (and `-g`), or `--login`.
    static let access = [dpsName, CommonFlags.resourceGroup, login, authType]

    // The enrollment settings individual enrollments and groups share.
    static let provisioningStatus = FlagSpec(
        ["--provisioning-status", "--ps"], .choice(["disabled", "enabled"]), help: "Enable or disable enrollment entry.")
    static let reprovisionPolicy = FlagSpec(
        ["--reprovision-policy", "--rp"], .choice(["never", "reprovisionandmigratedata", "reprovisionandresetdata"]),
        help: "Device data to be handled on re-provision to different Iot Hub.")
    static let allocationPolicy = FlagSpec(
        ["--allocation-policy", "--ap"], .choice(["custom", "geoLatency", "hashed", "static"]),
        help: "Type of allocation for device assigned to the Hub.")
    static let iotHubs = FlagSpec(
        ["--iot-hubs", "--ih"], .list, help: "Host name of target IoT Hub. Use space-separated list for multiple IoT Hubs.")
    static let iotHubHostName = FlagSpec(
        ["--iot-hub-host-name", "--hn"], help: "Host name of target IoT Hub (deprecated: use --iot-hubs).")
    static let edgeEnabled = FlagSpec(["--edge-enabled", "--ee"], .boolean, help: "Flag indicating edge enablement.")
    static let twinProperties = FlagSpec(
        ["--initial-twin-properties", "--props"], .json, help: "Initial twin properties (desired). Provide file path or raw json.")
    static let twinTags = FlagSpec(["--initial-twin-tags", "--tags"], .json, help: "Initial twin tags. Provide file path or raw json.")
    static let webhookURL = FlagSpec(
        ["--webhook-url", "--url"],
        help: "Target webhook URL for custom allocation. In iotlab also 'command:PROGRAM ARGS', run locally with the request JSON on stdin.")
    static let apiVersion = FlagSpec(["--api-version", "--av"], help: "API version of the provisioning service types sent in the custom allocation request.")
    static let primaryKey = FlagSpec(["--primary-key", "--pk"], help: "The primary symmetric shared access key stored in base64 format.")
    static let secondaryKey = FlagSpec(["--secondary-key", "--sk"], help: "The secondary symmetric shared access key stored in base64 format.")
    static let certificatePath = FlagSpec(
        ["--certificate-path", "--cp"], help: "The path to the file containing the primary certificate.")
    static let secondaryCertificatePath = FlagSpec(
        ["--secondary-certificate-path", "--scp"], help: "The path to the file containing the secondary certificate.")
    static let removeCertificate = FlagSpec(["--remove-certificate", "--rc"], .boolean, help: "Remove current primary certificate.")
    static let removeSecondaryCertificate = FlagSpec(
        ["--remove-secondary-certificate", "--rsc"], .boolean, help: "Remove current secondary certificate.")

    static let policy = [
        provisioningStatus, reprovisionPolicy, allocationPolicy, iotHubs, iotHubHostName, edgeEnabled, twinProperties, twinTags,
        webhookURL, apiVersion,
    ]
}
