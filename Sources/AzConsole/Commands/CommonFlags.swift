/// Flags shared by many commands, declared once with az's names.
enum CommonFlags {
    static let resourceGroup = FlagSpec(
        ["--resource-group", "-g"],
        help: "Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.")
    static let hubName = FlagSpec(
        ["--hub-name", "-n"], help: "IoT Hub name. Required if --login is not provided.")
    static let login = FlagSpec(
        ["--login", "-l"],
        help: "An IoT Hub connection string with rights to perform the action, used instead of --hub-name.")
    static let deviceId = FlagSpec(["--device-id", "-d"], required: true, help: "Target Device.")
    static let moduleId = FlagSpec(["--module-id", "-m"], required: true, help: "Target Module.")
    static let etag = FlagSpec(
        ["--etag", "-e"],
        help: "Etag or entity tag corresponding to the last state of the resource. If no etag is provided the value '*' is used.")
    static let top = FlagSpec(
        ["--top"], .integer(), help: "Maximum number of elements to return. Use -1 for unlimited.")
    static let keyType = FlagSpec(
        ["--key-type", "--kt"], .choice(["primary", "secondary"]), default: "primary",
        help: "Shared access policy key type for auth.")
    static let authMethod = FlagSpec(
        ["--auth-method", "--am"], .choice(["shared_private_key", "x509_ca", "x509_thumbprint"]),
        default: "shared_private_key", help: "The authorization type an entity is to be created with.")
    static let primaryKey = FlagSpec(
        ["--primary-key", "--pk"], help: "The primary symmetric shared access key stored in base64 format.")
    static let secondaryKey = FlagSpec(
        ["--secondary-key", "--sk"], help: "The secondary symmetric shared access key stored in base64 format.")
    static let primaryThumbprint = FlagSpec(
        ["--primary-thumbprint", "--ptp"], group: "X.509 Arguments",
        help: "Explicit self-signed certificate thumbprint to use for primary key.")
    static let secondaryThumbprint = FlagSpec(
        ["--secondary-thumbprint", "--stp"], group: "X.509 Arguments",
        help: "Explicit self-signed certificate thumbprint to use for secondary key.")
    static let edgeEnabled = FlagSpec(["--edge-enabled", "--ee"], .boolean, help: "Flag indicating edge enablement.")
    static let status = FlagSpec(
        ["--status", "--sta"], .choice(["disabled", "enabled"]), help: "Set device status upon creation.")
    static let statusReason = FlagSpec(["--status-reason", "--star"], help: "Description for device status.")
    static let desired = FlagSpec(["--desired"], .json, group: "Twin Patch Arguments", help: "Twin desired properties. Provide file path or raw json.")
    static let tags = FlagSpec(["--tags"], .json, group: "Twin Patch Arguments", help: "Twin tags. Provide file path or raw json.")
    static let replacement = FlagSpec(
        ["--json", "-j"], .json, required: true, help: "Json to replace existing twin with. Provide file path or raw json.")

    /// az's generic update arguments (`--set`, `--add`, `--remove`, `--force-string`).
    static let genericUpdate = [
        FlagSpec(
            ["--set"], .list, group: genericGroup,
            help: "Update an object by specifying a property path and value to set.  Example: --set property1.property2=<value>."),
        FlagSpec(
            ["--add"], .list, group: genericGroup,
            help: "Add an object to a list of objects by specifying a path and key value pairs.  Example: --add property.listProperty <key=value, string or JSON string>."),
        FlagSpec(
            ["--remove"], .list, group: genericGroup,
            help: "Remove a property or an element from a list.  Example: --remove property.list <indexToRemove> OR --remove propertyToRemove."),
        FlagSpec(
            ["--force-string"], .boolean, group: genericGroup,
            help: "When using 'set' or 'add', preserve string literals instead of attempting to convert to JSON."),
    ]

    static let genericGroup = "Generic Update Arguments"

    /// The flags every data-plane command uses to find its hub.
    static let hubAccess = [hubName, resourceGroup, login]
}
