/// The keys of one mapping, checked against the keys allowed there.
public struct Fields: Sendable {
    /// The mapping node itself.
    public let node: DocumentNode
    private let values: [String: DocumentNode.Pair]

    init(node: DocumentNode, pairs: [DocumentNode.Pair]) {
        self.node = node
        var values: [String: DocumentNode.Pair] = [:]
        for pair in pairs where pair.key.text != nil {
            values[pair.key.text!] = pair
        }
        self.values = values
    }

    /// The value of `key`, if given (a `null` value counts as not given).
    public subscript(key: String) -> DocumentNode? {
        guard let value = values[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// Whether `key` was written, even with a null value.
    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// Where `key` was written, else where the mapping starts.
    public func location(of key: String) -> SourceLocation {
        values[key]?.key.location ?? node.location
    }
}

extension Diagnostics {
    /// A key without a value that follows a plain value on the same line is most likely the rest
    /// of that value, cut off by a comma in a `{…}` mapping (`{name: Tank 1, North}`).
    static func commaHint(_ pair: DocumentNode.Pair, in pairs: [DocumentNode.Pair]) -> String {
        guard pair.value.isNull, pair.value.scalar?.text.isEmpty ?? false,
            let index = pairs.firstIndex(where: { $0.key.location == pair.key.location }), index > 0,
            pairs[index - 1].value.scalar?.isPlain == true, pairs[index - 1].key.location.line == pair.key.location.line
        else { return "" }
        let previous = pairs[index - 1]
        return
            "; a comma inside {…} ends the value: quote it (\(previous.key.text ?? "key"): \"\(previous.value.text ?? ""), \(pair.key.text ?? "")\")"
    }

    /// Reads `node` as a mapping whose keys are among `allowed`, with `required` present.
    ///
    /// Unknown keys are reported with a "did you mean"; missing required keys at the mapping.
    public mutating func fields(
        of node: DocumentNode, _ what: String, allowed: [String], required: [String] = []
    ) -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            error("\(what) must be a mapping of keys, found \(node.kindDescription)", at: node.location)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.text, !key.hasPrefix("\u{0}") else { continue }
            if key == "<<" && pair.key.scalar?.isPlain == true {
                error(
                    "unknown key '<<' in \(what): YAML merge keys are not supported; write the keys out",
                    at: pair.key.location)
            } else if !allowed.contains(key) {
                error(
                    "unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, among: allowed))\(Self.commaHint(pair, in: pairs))",
                    at: pair.key.location)
            }
        }
        let fields = Fields(node: node, pairs: pairs)
        for key in required where fields[key] == nil {
            if fields.contains(key) {
                error("'\(key)' of \(what) must have a value", at: fields.location(of: key))
            } else {
                error("\(what) is missing the required key '\(key)'", at: node.location)
            }
        }
        return fields
    }

    /// A string: any non-null scalar, as written.
    public mutating func string(_ node: DocumentNode, _ what: String) -> String? {
        guard let scalar = node.scalar, !node.isNull else {
            error("\(what) must be a text value, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.text
    }

    /// An identifier matching `[A-Za-z0-9_.-]+`.
    public mutating func identifier(_ node: DocumentNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard Self.isIdentifier(text) else {
            error(
                "\(what) '\(text)' is not a valid id: use letters, digits, '_', '.' and '-' only",
                at: node.location)
            return nil
        }
        return text
    }

    /// Whether `text` matches `[A-Za-z0-9_.-]+`.
    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == 0x5F || b == 0x2E || b == 0x2D
            }
    }

    /// A plain (unquoted) integer within `range`.
    public mutating func integer(_ node: DocumentNode, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = node.scalar, scalar.isPlain, let value = Int(scalar.text) else {
            error(
                "\(what) must be an integer from \(range.lowerBound) to \(range.upperBound), found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be from \(range.lowerBound) to \(range.upperBound), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A plain (unquoted) finite number within `range`.
    public mutating func number(
        _ node: DocumentNode, _ what: String,
        in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) -> Double? {
        guard let scalar = node.scalar, scalar.isPlain, let value = Self.parseNumber(scalar.text) else {
            error("\(what) must be a number, found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard value.isFinite else {
            error("\(what) must be finite, found \(scalar.text)", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            let bounds: String
            if range.upperBound == .greatestFiniteMagnitude {
                bounds = range.lowerBound == 0 ? "zero or more" : "at least \(Self.format(range.lowerBound))"
            } else if range.lowerBound == -.greatestFiniteMagnitude {
                bounds = "at most \(Self.format(range.upperBound))"
            } else {
                bounds = "from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
            }
            error("\(what) must be \(bounds), found \(scalar.text)", at: node.location)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    public mutating func boolean(_ node: DocumentNode, _ what: String) -> Bool? {
        if let scalar = node.scalar, scalar.isPlain {
            switch scalar.text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error("\(what) must be true or false, found \(node.kindDescription)", at: node.location)
        return nil
    }

    /// A list's items.
    public mutating func list(_ node: DocumentNode, _ what: String) -> [DocumentNode]? {
        guard case .sequence(let items) = node.kind else {
            error("\(what) must be a list, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }

    /// Decimal numbers as YAML and JSON write them (`12`, `-0.5`, `1e-3`, `.5`); no hex, no inf/nan.
    public static func parseNumber(_ text: String) -> Double? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45
            }),
            text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        return Double(text)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
