import IoTQuery

extension RoutingConfiguration {
    /// How many routes a hub of `tier` may hold: 100, or 5 on F1.
    public static func maximumRoutes(for tier: HubTier) -> Int { tier == .free ? 5 : 100 }
    /// How many enrichments a hub of `tier` may hold: 10, or 2 on F1.
    public static func maximumEnrichments(for tier: HubTier) -> Int { tier == .free ? 2 : 10 }
    /// How many custom endpoints a hub of `tier` may hold: 10, or 1 on F1.
    public static func maximumEndpoints(for tier: HubTier) -> Int { tier == .free ? 1 : 10 }

    /// Checks Azure's routing rules and returns `self` unchanged, or throws `ArgumentInvalid`
    /// naming the field and the rule: names (1–64 of letters, digits, `-`, `.`, `_`; unique;
    /// endpoints not reserved), the tier's limits, every referenced endpoint exists, every
    /// condition parses, storage batch frequency 60–720 s, chunk 10–500 MB and file name tokens,
    /// enrichment keys of letters, digits, `-`, `_` and `.`.
    @discardableResult
    public func validated(for tier: HubTier) throws(HubError) -> RoutingConfiguration {
        try validateEndpoints(for: tier)
        let known = Set(endpoints.allNames.map { $0.lowercased() } + [RoutingEndpoints.builtInEventsName])
        func requireKnown(_ names: [String], field: String, single: Bool) throws(HubError) {
            if names.isEmpty { throw .argumentInvalid(field: field, rule: "must name an endpoint") }
            if single, names.count > 1 {
                throw .argumentInvalid(field: field, rule: "a route sends to exactly one endpoint, \(names.count) were given")
            }
            for name in names where !known.contains(name.lowercased()) {
                throw .argumentInvalid(field: field, rule: "endpoint '\(name)' does not exist")
            }
        }
        let routeLimit = Self.maximumRoutes(for: tier)
        if routes.count > routeLimit {
            throw .argumentInvalid(field: "properties.routing.routes", rule: "at most \(routeLimit) routes on this tier, \(routes.count) given")
        }
        var routeNames = Set<String>()
        for (index, route) in routes.enumerated() {
            let field = "properties.routing.routes[\(index)]"
            try Self.validateName(route.name, field: field + ".name")
            guard routeNames.insert(route.name.lowercased()).inserted else {
                throw .argumentInvalid(field: field + ".name", rule: "route name '\(route.name)' is already used")
            }
            try requireKnown(route.endpointNames, field: field + ".endpointNames", single: true)
            try Self.validateCondition(route.condition, field: field + ".condition")
        }
        try requireKnown(fallbackRoute.endpointNames, field: "properties.routing.fallbackRoute.endpointNames", single: true)
        try Self.validateCondition(fallbackRoute.condition, field: "properties.routing.fallbackRoute.condition")
        let enrichmentLimit = Self.maximumEnrichments(for: tier)
        if enrichments.count > enrichmentLimit {
            throw .argumentInvalid(
                field: "properties.routing.enrichments", rule: "at most \(enrichmentLimit) enrichments on this tier, \(enrichments.count) given")
        }
        var keys = Set<String>()
        for (index, enrichment) in enrichments.enumerated() {
            let field = "properties.routing.enrichments[\(index)]"
            guard !enrichment.key.isEmpty, enrichment.key.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
                throw .argumentInvalid(
                    field: field + ".key", rule: "'\(enrichment.key)' must be letters, digits, '-', '_' or '.' and not empty")
            }
            guard keys.insert(enrichment.key.lowercased()).inserted else {
                throw .argumentInvalid(field: field + ".key", rule: "enrichment key '\(enrichment.key)' is already used")
            }
            if enrichment.value.isEmpty { throw .argumentInvalid(field: field + ".value", rule: "must not be empty") }
            try requireKnown(enrichment.endpointNames, field: field + ".endpointNames", single: false)
        }
        return self
    }

    private func validateEndpoints(for tier: HubTier) throws(HubError) {
        let limit = Self.maximumEndpoints(for: tier)
        if endpoints.count > limit {
            throw .argumentInvalid(
                field: "properties.routing.endpoints", rule: "at most \(limit) custom endpoints on this tier, \(endpoints.count) given")
        }
        var names = Set<String>()
        for name in endpoints.allNames {
            let field = "properties.routing.endpoints[\(name)].name"
            try Self.validateName(name, field: field)
            if RoutingEndpoints.reservedNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                throw .argumentInvalid(field: field, rule: "'\(name)' is a reserved endpoint name")
            }
            guard names.insert(name.lowercased()).inserted else {
                throw .argumentInvalid(field: field, rule: "endpoint name '\(name)' is already used by another endpoint")
            }
        }
        for (index, storage) in endpoints.storageContainers.enumerated() {
            let field = "properties.routing.endpoints.storageContainers[\(index)]"
            if storage.containerName.isEmpty { throw .argumentInvalid(field: field + ".containerName", rule: "must not be empty") }
            if !StorageContainerEndpoint.batchFrequencyRange.contains(storage.batchFrequencyInSeconds) {
                throw .argumentInvalid(
                    field: field + ".batchFrequencyInSeconds", rule: "must be 60 to 720 seconds, was \(storage.batchFrequencyInSeconds)")
            }
            if !StorageContainerEndpoint.maxChunkSizeRange.contains(storage.maxChunkSizeInBytes) {
                throw .argumentInvalid(
                    field: field + ".maxChunkSizeInBytes",
                    rule: "must be 10485760 to 524288000 bytes (10–500 MB), was \(storage.maxChunkSizeInBytes)")
            }
            for token in StorageContainerEndpoint.fileNameTokens where storage.fileNameFormat.components(separatedBy: token).count != 2 {
                throw .argumentInvalid(
                    field: field + ".fileNameFormat",
                    rule: "must contain each of \(StorageContainerEndpoint.fileNameTokens.joined(separator: " ")) exactly once; \(token) is missing or repeated")
            }
        }
    }

    /// Route and endpoint names: 1–64 letters, digits, `-`, `.` or `_`.
    private static func validateName(_ name: String, field: String) throws(HubError) {
        guard (1...64).contains(name.count), name.unicodeScalars.allSatisfy(isNameCharacter) else {
            throw .argumentInvalid(field: field, rule: "'\(name)' must be 1 to 64 letters, digits, '-', '.' or '_'")
        }
    }

    private static func validateCondition(_ condition: String, field: String) throws(HubError) {
        do {
            _ = try RoutingCondition(condition)
        } catch {
            throw .argumentInvalid(field: field, rule: "the condition does not parse: \(error.message)")
        }
    }

    /// Letters, digits, `-`, `_` and `.`: the characters of route, endpoint and enrichment key names.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
}
