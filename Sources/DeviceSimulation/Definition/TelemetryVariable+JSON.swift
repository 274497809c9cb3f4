import JSONValue

extension TelemetryVariable {
    /// Members a variable may have, as the Telemetry Simulator names them.
    private static let memberNames = ["name", "random", "min", "max", "step", "decimals", "values", "sequence", "customLengthString"]

    /// Reads one entry of `variables`; `earlier` holds the names it may refer to in `values`.
    init(_ field: DefinitionField, earlier: Set<String>) throws(SimulationError) {
        _ = try field.allowingOnly(Self.memberNames)
        let nameField = try field.required("name")
        name = try nameField.string()
        guard Self.isValidName(name) else {
            throw nameField.failure("'\(name)' is not a variable name: use letters, digits and _, starting with a letter or _")
        }
        if BuiltIn(rawValue: name) != nil || MethodBuiltIn(rawValue: name) != nil {
            throw nameField.failure("'\(name)' is a built-in value and cannot be redefined")
        }
        if earlier.contains(name) { throw nameField.failure("'\(name)' is defined twice") }
        kind = try Self.kind(of: field, earlier: earlier)
    }

    private static func kind(of field: DefinitionField, earlier: Set<String>) throws(SimulationError) -> Kind {
        let min = try field.member("min")?.number()
        let max = try field.member("max")?.number()
        if try field.member("random")?.bool() == true {
            if let decimals = try field.member("decimals")?.integer(in: 0...10) {
                guard let min, let max else { throw field.failure("a random decimal needs both 'min' and 'max'") }
                guard max > min else { throw try field.required("max").failure("must be greater than min (\(min.jsonText))") }
                return .randomDecimal(min: min, max: max, decimals: decimals)
            }
            switch (min, max) {
            case (nil, nil):
                return .randomInteger(nil)
            case (let min?, let max?):
                guard let low = Int(exactly: min), let high = Int(exactly: max) else {
                    throw field.failure("a random whole number needs whole 'min' and 'max'; give 'decimals' for fractions")
                }
                guard high > low else { throw try field.required("max").failure("must be greater than min (\(low))") }
                return .randomInteger(low..<high)
            default:
                throw field.failure("a random value needs both 'min' and 'max', or neither")
            }
        }
        if let values = field.member("values") {
            let elements = try values.elements()
            guard !elements.isEmpty else { throw values.failure("must list at least one value") }
            for element in elements {
                guard let text = element.value.stringValue, text.hasPrefix("$.") else { continue }
                let reference = String(text.dropFirst(2))
                guard earlier.contains(reference) || BuiltIn(rawValue: reference) != nil else {
                    throw element.failure("\(text) must name a built-in value or a variable declared before this one")
                }
            }
            return .choice(elements.map(\.value), sequence: try field.member("sequence")?.bool() ?? false)
        }
        if let length = field.member("customLengthString") {
            return .randomString(length: try length.integer(in: 1...65_536))
        }
        let start = min ?? 1
        let step = try field.member("step")?.number() ?? 1
        guard step != 0 else { throw try field.required("step").failure("must not be 0") }
        if let max, step > 0 ? max < start : max > start {
            throw try field.required("max").failure("must not be \(step > 0 ? "below" : "above") the starting value (\(start.jsonText))")
        }
        return .counter(start: start, step: step, max: max)
    }

    /// Names a placeholder can refer to: the identifier characters `PlaceholderText` reads.
    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

extension Double {
    /// The number as JSON writes it: `20` for a whole number, `20.5` otherwise.
    var jsonText: String {
        (Int(exactly: self).map { JSONValue.integer($0) } ?? .double(self)).serialized()
    }
}
