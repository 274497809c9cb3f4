extension LabAction {
    /// Reads `{az: "iot hub create ...", saveAs: NAME, unless: <check>}` or
    /// `{simulate: device.json, device: ID}`, or a bare string standing for `{az: ...}`.
    init(_ field: YAMLField, hub: String) throws(LabDefinitionError) {
        if case .scalar = field.node {
            self = .az(arguments: try Self.words(field), saveAs: nil, unless: nil)
            return
        }
        let members = Dictionary(uniqueKeysWithValues: try field.members(allowing: ["az", "saveAs", "unless", "simulate", "device"]))
        switch (members["az"], members["simulate"]) {
        case (let az?, nil):
            guard members["device"] == nil else { throw field.error("'device' belongs to a simulate action") }
            let unless = try members["unless"].map { check throws(LabDefinitionError) in
                try LabCheck(check, hub: hub, defaultId: "unless")
            }
            self = .az(arguments: try Self.words(az), saveAs: try members["saveAs"]?.nonEmptyString(), unless: unless)
        case (nil, let simulate?):
            guard members["saveAs"] == nil, members["unless"] == nil else { throw field.error("a simulate action takes only 'device'") }
            self = .simulate(definitionFile: try simulate.nonEmptyString(), deviceId: try members["device"]?.nonEmptyString())
        default:
            throw field.error("an action needs exactly one of az, simulate")
        }
    }

    private static func words(_ field: YAMLField) throws(LabDefinitionError) -> [String] {
        var text = try field.nonEmptyString()
        if text.hasPrefix("az ") { text.removeFirst(3) }
        do {
            return try ShellWords.split(text)
        } catch {
            throw field.error("an unterminated quote in the command line")
        }
    }
}
