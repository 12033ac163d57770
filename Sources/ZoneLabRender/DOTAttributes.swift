/// An attribute value in DOT, escaped for what it is.
public enum DOTValue: Sendable, Hashable {
    /// A plain value such as a colour, a shape or a number: written as a quoted ID.
    case string(String)
    /// Text shown to the reader: a quoted label with entities for `&` and non-ASCII.
    case label(String)
    /// An HTML-like label `<…>`.
    case html(HTMLLabel)

    /// The value as it appears after `=` in DOT.
    public var text: String {
        switch self {
        case .string(let s): DOTEscaping.quotedID(s)
        case .label(let s): DOTEscaping.quotedLabel(s)
        case .html(let h): "<" + h.markup + ">"
        }
    }
}

/// An ordered list of `name=value` attributes; setting a name again replaces its value.
public struct DOTAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [Entry] = []

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: DOTValue
    }

    public init() {}

    /// Attributes whose values are plain strings (use `label`/`html` for text shown to readers).
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = .string(value) }
    }

    public subscript(name: String) -> DOTValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(name: name, value: newValue))
            }
        }
    }

    /// Sets a plain value.
    public mutating func set(_ name: String, _ value: String) {
        self[name] = .string(value)
    }

    /// Sets a number.
    public mutating func set(_ name: String, _ value: Double) {
        self[name] = .string(Self.number(value))
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// `[a="1", b=<…>]`, or nothing when empty.
    public var text: String {
        guard !entries.isEmpty else { return "" }
        return " [" + entries.map { "\(Self.attributeName($0.name))=\($0.value.text)" }.joined(separator: ", ") + "]"
    }

    /// An attribute name: a DOT identifier, quoted when it is not a plain one.
    static func attributeName(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            } && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : DOTEscaping.quotedID(name)
    }

    /// A number without needless digits: `2`, `0.25`, `1.5`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
