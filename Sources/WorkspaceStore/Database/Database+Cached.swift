import GRDB

extension Database {
    /// Runs one of the store's fixed statements through the connection's statement cache.
    ///
    /// Importing 100k devices is ~200k puts in one transaction: re-preparing each statement, or
    /// re-checking arguments whose count the SQL next to them fixes, would dominate the time.
    func executeCached(_ sql: String, _ arguments: StatementArguments) throws {
        let statement = try cachedStatement(sql: sql)
        statement.setUncheckedArguments(arguments)
        try statement.execute()
    }
}
