import Foundation
import ZoneLabSource

/// Reads and writes attack graph files (SPEC section 7, `zonelab_graph: 1`).
public enum GraphFile {
    static let topKeys = ["zonelab_graph", "nodes", "edges", "entry", "targets", "horizon_hours"]
    static let nodeKeys = ["id", "type"]
    static let edgeKeys = ["id", "from", "to", "p", "ttc", "technique", "label", "vulnerability", "detect"]

    /// Loads and validates a graph file, reporting every problem with its line and column.
    public static func load(path: String) throws(DiagnosticError) -> (graph: AttackGraph, bytes: Data) {
        let bytes = try DocumentParser.read(contentsOf: path)
        return (try load(data: bytes, file: path), bytes)
    }

    /// Parses and validates graph JSON from bytes: strict JSON (RFC 8259), not YAML.
    public static func load(data: Data, file: String) throws(DiagnosticError) -> AttackGraph {
        if let graph = readValid(bytes: data) { return graph }
        return try read(try StrictJSON.parse(data, file: file), file: file)
    }

    static func read(_ root: DocumentNode, file: String) throws(DiagnosticError) -> AttackGraph {
        if let graph = readValid(root) { return graph }
        return try readChecked(root, file: file)
    }

    /// Reads the graph checking everything, with every problem's message and position.
    static func readChecked(_ root: DocumentNode, file: String) throws(DiagnosticError) -> AttackGraph {
        var d = Diagnostics(file: file)
        guard
            let top = d.fields(
                of: root, "the graph", allowed: topKeys,
                required: ["zonelab_graph", "nodes", "edges", "entry", "targets", "horizon_hours"])
        else { throw DiagnosticError(d.errors) }
        if let v = top["zonelab_graph"] {
            if !(v.scalar?.isPlain == true && v.text == "1") {
                d.error("'zonelab_graph' must be the format version 1, found \(v.kindDescription)", at: v.location)
            }
        }
        var nodes: [AttackGraph.Node] = []
        var nodeIndex: [String: Int] = [:]
        if let list = top["nodes"].flatMap({ d.list($0, "'nodes'") }) {
            for (i, item) in list.enumerated() {
                let what = "node #\(i + 1)"
                guard let f = d.fields(of: item, what, allowed: nodeKeys, required: ["id"]),
                    let idNode = f["id"], let id = nonEmptyString(idNode, "the id of \(what)", &d)
                else { continue }
                var kind = AttackGraph.NodeKind.or
                if let t = f["type"], let text = d.string(t, "'type' of node '\(id)'") {
                    if let k = AttackGraph.NodeKind(rawValue: text) {
                        kind = k
                    } else {
                        d.error("'type' of node '\(id)' must be 'or' or 'and', found '\(text)'", at: t.location)
                    }
                }
                if nodeIndex[id] != nil {
                    d.error("duplicate node id '\(id)'", at: idNode.location)
                    continue
                }
                nodeIndex[id] = nodes.count
                nodes.append(.init(id: id, kind: kind))
            }
        }
        func resolve(_ node: DocumentNode, _ what: String, _ d: inout Diagnostics) -> Int? {
            guard let id = d.string(node, what) else { return nil }
            if let index = nodeIndex[id] { return index }
            d.error(
                "\(what) '\(id)' is not a node\(Suggestion.hint(for: id, among: nodeIndex.keys.sorted()))",
                at: node.location)
            return nil
        }
        var edges: [AttackGraph.Edge] = []
        var edgeIDs = Set<String>()
        if let list = top["edges"].flatMap({ d.list($0, "'edges'") }) {
            for (i, item) in list.enumerated() {
                let what = "edge #\(i + 1)"
                guard let f = d.fields(of: item, what, allowed: edgeKeys, required: ["id", "from", "to"]),
                    let idNode = f["id"], let id = nonEmptyString(idNode, "the id of \(what)", &d)
                else { continue }
                let ewhat = "edge '\(id)'"
                if !edgeIDs.insert(id).inserted { d.error("duplicate edge id '\(id)'", at: idNode.location) }
                let from = f["from"].flatMap { resolve($0, "'from' of \(ewhat)", &d) }
                let to = f["to"].flatMap { resolve($0, "'to' of \(ewhat)", &d) }
                let p = f["p"].flatMap { d.number($0, "'p' of \(ewhat)", in: 0...1) } ?? (f["p"] == nil ? 1 : nil)
                let ttc = f["ttc"].map { distribution($0, "'ttc' of \(ewhat)", &d) } ?? .some(.instant)
                let technique = f["technique"].flatMap { d.string($0, "'technique' of \(ewhat)") }
                let label = f["label"].flatMap { d.string($0, "'label' of \(ewhat)") }
                let vulnerability = f["vulnerability"].flatMap { d.string($0, "'vulnerability' of \(ewhat)") }
                // An invalid `detect` has its error in `d`, which throws below.
                let detect = f["detect"].flatMap { detection($0, "'detect' of \(ewhat)", &d) }
                guard let from, let to, let p, let ttc else { continue }
                edges.append(
                    .init(
                        id: id, from: from, to: to, p: p, ttc: ttc, technique: technique, label: label,
                        vulnerability: vulnerability, detect: detect))
            }
        }
        func endpoints(_ key: String) -> [Int] {
            guard let node = top[key], let list = d.list(node, "'\(key)'") else { return [] }
            if list.isEmpty { d.error("'\(key)' must name at least one node", at: node.location) }
            return list.compactMap { resolve($0, "an item of '\(key)'", &d) }
        }
        let entries = endpoints("entry")
        let targets = endpoints("targets")
        var horizon = 0.0
        if let h = top["horizon_hours"],
            let value = d.number(h, "'horizon_hours'", in: 0...Double.greatestFiniteMagnitude)
        {
            if value <= 0 { d.error("'horizon_hours' must be positive, found \(h.text ?? "")", at: h.location) }
            horizon = value
        }
        try d.throwIfErrors()
        return AttackGraph(nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizon)
    }

    static func nonEmptyString(_ node: DocumentNode, _ what: String, _ d: inout Diagnostics) -> String? {
        guard let s = d.string(node, what) else { return nil }
        if s.isEmpty {
            d.error("\(what) must not be empty", at: node.location)
            return nil
        }
        return s
    }

    /// `{"p": q, "response": TTC}` (SPEC 3.4), both required.
    static func detection(_ node: DocumentNode, _ what: String, _ d: inout Diagnostics) -> Detection? {
        guard let f = d.fields(of: node, what, allowed: ["p", "response"], required: ["p", "response"]) else {
            return nil
        }
        let q = f["p"].flatMap { d.number($0, "'p' of \(what)", in: 0...1) }
        let response = f["response"].flatMap { distribution($0, "'response' of \(what)", &d) }
        guard let q, let response else { return nil }
        return Detection(p: q, response: response)
    }

    static func distribution(_ node: DocumentNode, _ what: String, _ d: inout Diagnostics) -> TimeDistribution? {
        let keys = ["dist", "hours", "mean_hours", "median_hours", "sigma", "min_hours", "max_hours"]
        guard let f = d.fields(of: node, what, allowed: keys, required: ["dist"]),
            let distNode = f["dist"], let dist = d.string(distNode, "'dist' of \(what)")
        else { return nil }
        let needed: [String: [String]] = [
            "instant": [], "fixed": ["hours"], "exponential": ["mean_hours"],
            "lognormal": ["median_hours", "sigma"], "uniform": ["min_hours", "max_hours"],
        ]
        guard let required = needed[dist] else {
            d.error(
                "'dist' of \(what) must be one of instant, fixed, exponential, lognormal, uniform, found '\(dist)'\(Suggestion.hint(for: dist, among: needed.keys.sorted()))",
                at: distNode.location)
            return nil
        }
        for key in keys.dropFirst() where f.contains(key) && !required.contains(key) {
            d.error("'\(key)' does not belong to a \(dist) distribution in \(what)", at: f.location(of: key))
        }
        var values: [String: Double] = [:]
        for key in required {
            guard let v = f[key] else {
                d.error("\(what) (\(dist)) is missing '\(key)'", at: node.location)
                continue
            }
            guard let x = d.number(v, "'\(key)' of \(what)", in: 0...Double.greatestFiniteMagnitude) else { continue }
            if (key == "mean_hours" || key == "median_hours" || key == "sigma") && x <= 0 {
                d.error("'\(key)' of \(what) must be positive, found \(v.text ?? "")", at: v.location)
                continue
            }
            values[key] = x
        }
        guard values.count == required.count else { return nil }
        switch dist {
        case "instant": return .instant
        case "fixed": return .fixed(hours: values["hours"]!)
        case "exponential": return .exponential(meanHours: values["mean_hours"]!)
        case "lognormal": return .lognormal(medianHours: values["median_hours"]!, sigma: values["sigma"]!)
        default:
            if values["min_hours"]! > values["max_hours"]! {
                d.error("'min_hours' of \(what) must not exceed 'max_hours'", at: f.location(of: "min_hours"))
                return nil
            }
            return .uniform(minHours: values["min_hours"]!, maxHours: values["max_hours"]!)
        }
    }

    /// The graph as SPEC 7 JSON.
    public static func json(_ graph: AttackGraph) -> JSONValue {
        .object([
            ("zonelab_graph", 1),
            (
                "nodes",
                .array(
                    graph.nodes.map { node in
                        node.kind == .and
                            ? .object([("id", .string(node.id)), ("type", "and")]) : .object([("id", .string(node.id))])
                    })
            ),
            (
                "edges",
                .array(
                    graph.edges.map { edge in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(edge.id)), ("from", .string(graph.nodes[edge.from].id)),
                            ("to", .string(graph.nodes[edge.to].id)), ("p", .number(edge.p)),
                            ("ttc", ttcJSON(edge.ttc)),
                        ]
                        if let t = edge.technique { pairs.append(("technique", .string(t))) }
                        if let l = edge.label { pairs.append(("label", .string(l))) }
                        if let v = edge.vulnerability { pairs.append(("vulnerability", .string(v))) }
                        if let detect = edge.detect {
                            pairs.append(
                                ("detect", .object([("p", .number(detect.p)), ("response", ttcJSON(detect.response))])))
                        }
                        return .object(pairs)
                    })
            ),
            ("entry", .array(graph.entries.map { .string(graph.nodes[$0].id) })),
            ("targets", .array(graph.targets.map { .string(graph.nodes[$0].id) })),
            ("horizon_hours", .number(graph.horizonHours)),
        ])
    }

    /// A time distribution as JSON, durations in hours (SPEC 7).
    public static func ttcJSON(_ ttc: TimeDistribution) -> JSONValue {
        switch ttc {
        case .instant: .object([("dist", "instant")])
        case .fixed(let h): .object([("dist", "fixed"), ("hours", .number(h))])
        case .exponential(let m): .object([("dist", "exponential"), ("mean_hours", .number(m))])
        case .lognormal(let m, let s):
            .object([("dist", "lognormal"), ("median_hours", .number(m)), ("sigma", .number(s))])
        case .uniform(let a, let b):
            .object([("dist", "uniform"), ("min_hours", .number(a)), ("max_hours", .number(b))])
        }
    }
}
