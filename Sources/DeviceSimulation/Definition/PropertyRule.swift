import IoTQuery
import JSONValue

/// How one application property of a simulated message gets its value: text with
/// placeholders (`"sensorID": "VSLog"`), or an expression in the IoT Hub query language over
/// the message's values (`"temperatureAlert": {"expression": "temperature > 30"}`), optionally
/// sent only `when` a condition holds.
///
/// Application properties are strings in IoT Hub, so a boolean becomes `"true"`/`"false"` and a
/// number its JSON text, as the lab devices' `message.Properties.Add(...)` writes them. The
/// expression language is the one routes and twin queries use, so a learner writes the same
/// comparison in the device as in the route that reads it.
public struct PropertyRule: Sendable {
    /// Where the value comes from.
    public enum Source: Sendable {
        /// Text with `$.Name` placeholders.
        case text(String)
        /// An IoT Hub query expression evaluated over the message's values.
        case expression(QueryCondition)
    }

    public let source: Source
    /// The property is sent only when this holds; always when `nil`.
    public let when: QueryCondition?
    let text: PlaceholderText?

    /// The property's value for one message; `nil` when it is not sent (its `when` does not
    /// hold, or the expression is undefined or null).
    func value(with values: JSONObject) -> String? {
        let scope = DocumentScope(.object(values))
        if let when, !when.isSatisfied(in: scope) { return nil }
        switch source {
        case .text:
            return text?.rendered(with: values)
        case .expression(let expression):
            guard let result = expression.evaluate(in: scope), !result.isNull else { return nil }
            return result.placeholderText
        }
    }
}

extension PropertyRule {
    /// Reads a property's rule: a string, or `{"value" | "expression": ..., "when": ...}`.
    init(_ field: DefinitionField, names: Set<String>) throws(SimulationError) {
        if case .string(let text) = field.value {
            source = .text(text)
            when = nil
            self.text = try PlaceholderText(field, names: names)
            return
        }
        _ = try field.allowingOnly(["value", "expression", "when"])
        when = try field.member("when").map(Self.condition)
        switch (field.member("value"), field.member("expression")) {
        case (let value?, nil):
            source = .text(try value.string())
            text = try PlaceholderText(value, names: names)
        case (nil, let expression?):
            source = .expression(try Self.condition(expression))
            text = nil
        default:
            throw field.failure("give either 'value' (text) or 'expression' (a query expression), not both or neither")
        }
    }

    private static func condition(_ field: DefinitionField) throws(SimulationError) -> QueryCondition {
        let text = try field.string()
        do {
            return try QueryCondition(text)
        } catch {
            throw field.failure(error.message)
        }
    }
}
