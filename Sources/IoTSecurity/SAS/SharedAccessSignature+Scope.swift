extension SharedAccessSignature {
    /// Whether the token's resource (`sr`) covers `resourceURI`.
    ///
    /// Azure treats `sr` as a URI prefix by whole path segments, compared without regard to case:
    /// `myhub.azure-devices.net/devices/d1` grants `.../devices/d1` and `.../devices/d1/modules/m1`
    /// but not `.../devices/d10`, and a hub-level `myhub.azure-devices.net` grants everything on
    /// that hub. A trailing `/` on either side is ignored. Which host names count as the hub
    /// (aliases such as `localhost:8443`) is the caller's decision: pass the URI with the host the
    /// token should name.
    public func grantsAccess(to resourceURI: String) -> Bool {
        let granted = Self.segments(of: self.resourceURI)
        let requested = Self.segments(of: resourceURI)
        return !granted.isEmpty && requested.starts(with: granted)
    }

    private static func segments(of uri: String) -> [Substring] {
        var segments = uri.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        while segments.last?.isEmpty == true { segments.removeLast() }
        return segments
    }
}
