extension CommandCatalog {
    /// Every command the console offers. Adding a command group is adding its file's lists here.
    static let standard: CommandCatalog = {
        let commands = HubCommands.commands + DeviceIdentityCommands.commands + DeviceImportExportCommands.commands
            + ModuleIdentityCommands.commands + TwinCommands.commands + QueryCommands.commands
            + SASTokenCommands.commands + GroupCommands.commands + StorageCommands.commands
            + ProviderCommands.commands + ExtensionCommands.commands + AccountCommands.commands
            + ConsumerGroupCommands.commands + MonitorEventsCommand.commands
            + RoutingEndpointCommands.commands + RouteCommands.commands + MessageEnrichmentCommands.commands
            + CloudToDeviceCommands.commands + DirectMethodCommands.commands + DeviceMessageCommands.commands
            + SimulateCommand.commands + HubCertificateCommands.commands
            + DpsCommands.commands + DpsLinkedHubCommands.commands + DpsEnrollmentCommands.commands
            + DpsEnrollmentGroupCommands.commands + DpsRegistrationCommands.commands + DpsCertificateCommands.commands
        let aliases = deprecatedNames.compactMap { old, current in
            commands.first { $0.path.joined(separator: " ") == current }?.deprecatedAlias(old)
        }
        return CommandCatalog(
            groups: HubCommands.groups + DeviceIdentityCommands.groups + DeviceImportExportCommands.groups
                + ModuleIdentityCommands.groups + TwinCommands.groups + QueryCommands.groups + SASTokenCommands.groups
                + GroupCommands.groups + StorageCommands.groups + ProviderCommands.groups + ExtensionCommands.groups
                + AccountCommands.groups + ConsumerGroupCommands.groups
                + RoutingEndpointCommands.groups + RouteCommands.groups + MessageEnrichmentCommands.groups
                + CloudToDeviceCommands.groups + HubCertificateCommands.groups
                + DpsCommands.groups + DpsLinkedHubCommands.groups + DpsEnrollmentCommands.groups
                + DpsEnrollmentGroupCommands.groups + DpsRegistrationCommands.groups + DpsCertificateCommands.groups,
            commands: commands + aliases)
    }()

    /// Older command names the 2021 lab scripts still use, and the commands that replaced them.
    private static let deprecatedNames = [
        ("iot hub show-connection-string", "iot hub connection-string show"),
        ("iot hub device-identity show-connection-string", "iot hub device-identity connection-string show"),
        ("iot hub module-identity show-connection-string", "iot hub module-identity connection-string show"),
        ("iot hub device-identity get-parent", "iot hub device-identity parent show"),
        ("iot hub device-identity set-parent", "iot hub device-identity parent set"),
        ("iot hub device-identity list-children", "iot hub device-identity children list"),
        ("iot hub device-identity add-children", "iot hub device-identity children add"),
        ("iot hub device-identity remove-children", "iot hub device-identity children remove"),
    ]
}
