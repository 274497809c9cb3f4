extension TwinState {
    /// Shares this twin's tags, properties and metadata with equal ones `interner` has seen,
    /// as a hub does for the twins it loads.
    mutating func intern(with interner: inout JSONInterner) {
        interner.intern(&tags)
        interner.intern(&desired.content)
        interner.intern(&desired.metadata)
        interner.intern(&reported.content)
        interner.intern(&reported.metadata)
    }
}
