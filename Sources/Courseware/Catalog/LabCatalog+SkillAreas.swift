extension LabCatalog {
    /// The labs grouped by AZ-220 skill area, areas in the order their first lab appears: the
    /// course map `iotlab lab list` prints and the workbench's home screen shows.
    public var labsBySkillArea: [(area: String, labs: [LabDefinition])] {
        var groups: [(area: String, labs: [LabDefinition])] = []
        for lab in labs {
            if let index = groups.firstIndex(where: { $0.area == lab.skillArea }) {
                groups[index].labs.append(lab)
            } else {
                groups.append((lab.skillArea, [lab]))
            }
        }
        return groups
    }
}
