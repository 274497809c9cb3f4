import OrderedCollections

extension OrderedDictionary {
    /// Removes `key`'s member in constant time by moving the last member into its place.
    ///
    /// For maps used only by key, whose order means nothing: `removeValue(forKey:)` keeps the
    /// order by shifting every later member, which makes deleting many of 100,000 devices quadratic.
    @discardableResult
    mutating func removeValueIgnoringOrder(forKey key: Key) -> Value? {
        guard let index = index(forKey: key) else { return nil }
        let last = count - 1
        if index != last { swapAt(index, last) }
        return removeLast().value
    }
}
