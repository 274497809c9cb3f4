import JSONValue

extension LocalCloud {
    /// Registers a resource provider; locally registration completes at once.
    public func registerProvider(namespace: String) throws(CloudError) -> ProviderRegistration {
        let registration = ProviderRegistration(namespace: namespace, isRegistered: true)
        let key = CloudState.key(namespace)
        guard registrations[key] == nil else { return registrations[key] ?? registration }
        try persist(event: "ProviderRegistered", subject: namespace, payload: ["namespace": .string(namespace)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.providers, key: key, body: CloudState.body(["namespace": .string(namespace)]))
        }
        registrations[key] = registration
        return registration
    }

    /// A provider's state: `NotRegistered` until a script registers it.
    public func provider(namespace: String) -> ProviderRegistration {
        registrations[CloudState.key(namespace)] ?? ProviderRegistration(namespace: namespace, isRegistered: false)
    }

    /// The providers registered in this subscription.
    public func providers() -> [ProviderRegistration] {
        registrations.values.sorted { $0.namespace < $1.namespace }
    }

    /// Records an installed az extension (`az extension add|update`); adding twice is harmless.
    public func addExtension(name: String) throws(CloudError) -> CLIExtension {
        let key = CloudState.key(name)
        if let existing = installedExtensions[key] { return existing }
        let installed = CLIExtension(name: name, version: CLIExtension.knownVersion(of: name))
        try persist(event: "CLIExtensionAdded", subject: name, payload: installed.json) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.extensions, key: key, body: CloudState.body(installed.json))
        }
        installedExtensions[key] = installed
        return installed
    }

    public func extensions() -> [CLIExtension] {
        installedExtensions.values.sorted { $0.name < $1.name }
    }
}
