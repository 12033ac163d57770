/// A graph in the DOT language, built in Swift and written as text with every id and label
/// escaped (see `DOTEscaping`).
public struct DOTGraph: Sendable, Hashable {
    public var name: String
    public var directed: Bool
    public var attributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    public var statements: [DOTStatement]

    public init(
        _ name: String = "G", directed: Bool = true, attributes: DOTAttributes = .init(),
        nodeDefaults: DOTAttributes = .init(), edgeDefaults: DOTAttributes = .init(), statements: [DOTStatement] = []
    ) {
        self.name = name
        self.directed = directed
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }

    public mutating func add(_ statement: DOTStatement) { statements.append(statement) }
    public mutating func add(_ node: DOTNode) { statements.append(.node(node)) }
    public mutating func add(_ edge: DOTEdge) { statements.append(.edge(edge)) }
    public mutating func add(_ subgraph: DOTSubgraph) { statements.append(.subgraph(subgraph)) }

    /// The DOT text.
    public var text: String {
        var out = (directed ? "digraph " : "graph ") + DOTEscaping.quotedID(name) + " {\n"
        let op = directed ? "->" : "--"
        DOTStatement.graphAttributes(attributes).write(into: &out, indent: 1, edgeOperator: op)
        DOTStatement.nodeDefaults(nodeDefaults).write(into: &out, indent: 1, edgeOperator: op)
        DOTStatement.edgeDefaults(edgeDefaults).write(into: &out, indent: 1, edgeOperator: op)
        for statement in statements {
            statement.write(into: &out, indent: 1, edgeOperator: op)
        }
        return out + "}\n"
    }

    /// Every node, in subgraphs too: the first statement of each id (later statements of the
    /// same id, such as rank constraints, only refer to it).
    public var allNodes: [DOTNode] {
        func collect(_ statements: [DOTStatement]) -> [DOTNode] {
            statements.flatMap { s -> [DOTNode] in
                switch s {
                case .node(let n): [n]
                case .subgraph(let g): collect(g.statements)
                default: []
                }
            }
        }
        var seen = Set<String>()
        return collect(statements).filter { seen.insert($0.id).inserted }
    }

    /// Every edge statement, in subgraphs too.
    public var allEdges: [DOTEdge] {
        func collect(_ statements: [DOTStatement]) -> [DOTEdge] {
            statements.flatMap { s -> [DOTEdge] in
                switch s {
                case .edge(let e): [e]
                case .subgraph(let g): collect(g.statements)
                default: []
                }
            }
        }
        return collect(statements)
    }

    /// Every subgraph, nested ones too.
    public var allSubgraphs: [DOTSubgraph] {
        func collect(_ statements: [DOTStatement]) -> [DOTSubgraph] {
            statements.flatMap { s -> [DOTSubgraph] in
                if case .subgraph(let g) = s { return [g] + collect(g.statements) }
                return []
            }
        }
        return collect(statements)
    }
}
