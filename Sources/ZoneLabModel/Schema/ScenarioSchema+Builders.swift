import ZoneLabSource

/// Small builders that keep the schema's source close to the schema itself.
extension ScenarioSchema {
    /// An object of the pairs, in order.
    static func json(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { ($0.key, $0.value) })
    }

    /// `{"description": text, …pairs}`.
    static func described(_ text: String, _ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object([("description", .string(text))] + pairs.map { ($0.key, $0.value) })
    }

    /// A reference to `#/$defs/NAME`, with a description of its use when given.
    static func ref(_ name: String, _ text: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("$ref", .string("#/$defs/\(name)"))]
        if let text { pairs.append(("description", .string(text))) }
        return .object(pairs)
    }

    static func string(_ text: String, minLength: Int? = nil, pattern: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(text)), ("type", "string")]
        if let minLength { pairs.append(("minLength", .int(minLength))) }
        if let pattern { pairs.append(("pattern", .string(pattern))) }
        return .object(pairs)
    }

    static func integer(_ text: String, minimum: Int, maximum: Int) -> JSONValue {
        described(text, ["type": "integer", "minimum": .int(minimum), "maximum": .int(maximum)])
    }

    static func number(
        _ text: String, minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(text)), ("type", "number")]
        if let minimum { pairs.append(("minimum", .number(minimum))) }
        if let exclusiveMinimum { pairs.append(("exclusiveMinimum", .number(exclusiveMinimum))) }
        if let maximum { pairs.append(("maximum", .number(maximum))) }
        return .object(pairs)
    }

    static func boolean(_ text: String) -> JSONValue { described(text, ["type": "boolean"]) }

    static func array(_ text: String, items: JSONValue, minItems: Int? = nil, maxItems: Int? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(text)), ("type", "array"), ("items", items)]
        if let minItems { pairs.append(("minItems", .int(minItems))) }
        if let maxItems { pairs.append(("maxItems", .int(maxItems))) }
        return .object(pairs)
    }

    /// One item, or a list of them.
    static func oneOrList(_ text: String, item: JSONValue, minItems: Int? = nil) -> JSONValue {
        described(text, ["anyOf": [item, array("A list.", items: item, minItems: minItems)]])
    }

    static func enumeration(_ text: String, _ values: [String]) -> JSONValue {
        described(text, ["type": "string", "enum": .array(values.map { .string($0) })])
    }

    /// A closed object: only the properties given.
    static func object(
        _ text: String, _ properties: [(String, JSONValue)], required: [String] = [], minProperties: Int? = nil
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(text)), ("type", "object")]
        if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
        if let minProperties { pairs.append(("minProperties", .int(minProperties))) }
        pairs.append(("additionalProperties", false))
        pairs.append(("properties", .object(properties)))
        return .object(pairs)
    }

    /// A map whose keys are the integers in `keys` (YAML keys arrive as strings), each to `value`.
    static func keyedMap(_ text: String, keys: ClosedRange<Int>, value: JSONValue) -> JSONValue {
        let alternatives = keys.map { String($0) }.joined(separator: "|")
        return described(
            text,
            [
                "type": "object",
                "propertyNames": json(["pattern": .string("^(\(alternatives))$")]),
                "additionalProperties": value,
            ])
    }
}
