/// A YAML (or JSON) value with the position it came from. Our own `Sendable` tree, built from
/// libyaml's events, so the loaders can report every problem with its line and column.
public struct DocumentNode: Sendable {
    /// A key and its value in a mapping.
    public struct Pair: Sendable {
        public var key: DocumentNode
        public var value: DocumentNode

        public init(key: DocumentNode, value: DocumentNode) {
            self.key = key
            self.value = value
        }
    }

    /// A scalar's text and whether it was written plain (unquoted), which decides whether
    /// `0.5` is a number or the string "0.5".
    public struct Scalar: Sendable {
        public var text: String
        public var isPlain: Bool

        public init(text: String, isPlain: Bool) {
            self.text = text
            self.isPlain = isPlain
        }
    }

    public enum Kind: Sendable {
        case scalar(Scalar)
        case sequence([DocumentNode])
        case mapping([Pair])
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// This node and everything under it marked as coming from `file` (see `SourceLocation.file`).
    public func marked(file: String) -> DocumentNode {
        var node = self
        node.location.file = file
        switch kind {
        case .scalar: break
        case .sequence(let items): node.kind = .sequence(items.map { $0.marked(file: file) })
        case .mapping(let pairs):
            node.kind = .mapping(pairs.map { Pair(key: $0.key.marked(file: file), value: $0.value.marked(file: file)) })
        }
        return node
    }

    /// The value of `key` when this node is a mapping that has it (the first such pair), without
    /// checking anything else: for peeking before the checked reading of `Diagnostics.fields`.
    public subscript(key: String) -> DocumentNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    /// The scalar's text, if this node is a scalar.
    public var text: String? { scalar?.text }

    /// True for `null`, `~` and an empty plain scalar.
    public var isNull: Bool {
        guard let s = scalar, s.isPlain else { return false }
        return s.text.isEmpty || s.text == "~" || s.text == "null" || s.text == "Null" || s.text == "NULL"
    }

    /// What the node is, in the words of an error message: "a mapping", "a list", "the string 'x'".
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if isNull { return "nothing (null)" }
            let shown = s.text.count > 40 ? String(s.text.prefix(37)) + "..." : s.text
            return s.isPlain ? "'\(shown)'" : "the string \"\(shown)\""
        }
    }
}
