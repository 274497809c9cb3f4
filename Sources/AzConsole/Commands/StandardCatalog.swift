extension CommandCatalog {
    /// Every command the console offers. Adding a command group is adding its file's lists here.
    static let standard = CommandCatalog(
        groups: HubCommands.groups + DeviceIdentityCommands.groups + DeviceImportExportCommands.groups
            + ModuleIdentityCommands.groups + TwinCommands.groups + QueryCommands.groups + GroupCommands.groups
            + SASTokenCommands.groups + StorageCommands.groups + ProviderCommands.groups + ExtensionCommands.groups,
        commands: HubCommands.commands + DeviceIdentityCommands.commands + DeviceImportExportCommands.commands
            + ModuleIdentityCommands.commands + TwinCommands.commands + QueryCommands.commands + GroupCommands.commands
            + SASTokenCommands.commands + StorageCommands.commands + ProviderCommands.commands + ExtensionCommands.commands)
}
