import JSONValue

extension TwinQuery {
    /// Runs the query over documents shaped as Azure returns them (device twins for FROM
    /// devices, module twins for FROM devices.modules, job records for FROM devices.jobs) and
    /// returns the result rows in order, TOP applied.
    ///
    /// Running cannot fail: a property a document lacks is undefined, which filters the document
    /// out or leaves the member out of its row, as in Azure. The loop is inlined into the caller
    /// so it is specialised for the caller's sequence (an array, a lazy map over the registry);
    /// each document then costs one direct call, and reading stops once TOP rows are complete.
    @inlinable
    public func run(over documents: some Sequence<JSONValue>) -> [JSONValue] {
        var results = QueryResults(self)
        for document in documents {
            guard results.add(document) else { break }
        }
        return results.finish()
    }
}
