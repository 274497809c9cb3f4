import JSONValue

/// The member names of an object built many times over, stored once.
///
/// A `JSONObject` keeps its names and its values in separate copy-on-write buffers. An object
/// made by copying `template` and assigning members that the template already has only ever
/// writes the values, so every such object shares the one buffer of names (and its hash table):
/// with 100,000 twins of the same 20 names, that is most of a document's memory.
struct JSONObjectShape: Sendable {
    /// The names in order, each holding `null` until assigned.
    let template: JSONObject

    init(names: [String]) {
        template = JSONObject(uniqueKeys: names, values: repeatElement(JSONValue.null, count: names.count))
    }
}
