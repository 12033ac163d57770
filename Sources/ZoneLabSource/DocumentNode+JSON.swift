extension DocumentNode {
    /// The node as a JSON value: plain scalars become numbers, booleans or null where they
    /// read as such; everything quoted stays a string.
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let s):
            guard s.isPlain else { return .string(s.text) }
            if isNull { return .null }
            if s.text == "true" { return .bool(true) }
            if s.text == "false" { return .bool(false) }
            if let i = Int(s.text) { return .int(i) }
            if let d = Diagnostics.parseNumber(s.text) { return .double(d) }
            return .string(s.text)
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let pairs): return .object(pairs.map { ($0.key.text ?? "", $0.value.jsonValue) })
        }
    }
}

extension JSONValue {
    /// The number, if this is one.
    public var double: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The integer, if this is an integral number.
    public var int: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: Int(d)
        default: nil
        }
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var object: [(String, JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }
}
