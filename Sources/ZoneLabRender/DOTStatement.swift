/// A node statement: `"id" [attributes]`.
public struct DOTNode: Sendable, Hashable {
    public var id: String
    public var attributes: DOTAttributes

    public init(_ id: String, _ attributes: DOTAttributes = .init()) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge statement: `"from" -> "to" [attributes]`.
public struct DOTEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var attributes: DOTAttributes

    public init(_ from: String, _ to: String, _ attributes: DOTAttributes = .init()) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A subgraph; a name starting with `cluster` makes it a box around its nodes.
public struct DOTSubgraph: Sendable, Hashable {
    public var id: String?
    public var attributes: DOTAttributes
    public var statements: [DOTStatement]

    public init(_ id: String?, _ attributes: DOTAttributes = .init(), statements: [DOTStatement] = []) {
        self.id = id
        self.attributes = attributes
        self.statements = statements
    }

    public mutating func add(_ statement: DOTStatement) { statements.append(statement) }
    public mutating func add(_ node: DOTNode) { statements.append(.node(node)) }
    public mutating func add(_ edge: DOTEdge) { statements.append(.edge(edge)) }
    public mutating func add(_ subgraph: DOTSubgraph) { statements.append(.subgraph(subgraph)) }
}

/// One statement of a graph or subgraph body.
public enum DOTStatement: Sendable, Hashable {
    case node(DOTNode)
    case edge(DOTEdge)
    indirect case subgraph(DOTSubgraph)
    /// `graph [...]`: attributes of the enclosing graph or subgraph.
    case graphAttributes(DOTAttributes)
    /// `node [...]`: defaults for the nodes that follow.
    case nodeDefaults(DOTAttributes)
    /// `edge [...]`: defaults for the edges that follow.
    case edgeDefaults(DOTAttributes)

    func write(into out: inout String, indent: Int, edgeOperator: String) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .node(let n):
            out += pad + DOTEscaping.quotedID(n.id) + n.attributes.text + ";\n"
        case .edge(let e):
            out +=
                pad + DOTEscaping.quotedID(e.from) + " " + edgeOperator + " " + DOTEscaping.quotedID(e.to)
                + e.attributes.text + ";\n"
        case .subgraph(let s):
            out += pad + "subgraph" + (s.id.map { " " + DOTEscaping.quotedID($0) } ?? "") + " {\n"
            if !s.attributes.isEmpty {
                DOTStatement.graphAttributes(s.attributes).write(
                    into: &out, indent: indent + 1, edgeOperator: edgeOperator)
            }
            for statement in s.statements {
                statement.write(into: &out, indent: indent + 1, edgeOperator: edgeOperator)
            }
            out += pad + "}\n"
        case .graphAttributes(let a):
            if !a.isEmpty { out += pad + "graph" + a.text + ";\n" }
        case .nodeDefaults(let a):
            if !a.isEmpty { out += pad + "node" + a.text + ";\n" }
        case .edgeDefaults(let a):
            if !a.isEmpty { out += pad + "edge" + a.text + ";\n" }
        }
    }
}
