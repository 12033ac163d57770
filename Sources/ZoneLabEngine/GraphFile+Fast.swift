import ZoneLabSource

/// The fast path of `GraphFile.read` for the common case, a valid graph file as `zonelab
/// compile` writes it: one walk of the tree without building diagnostics, messages or key
/// tables. It gives up (nil) at the first thing that is not plainly valid, and the checked
/// reading then runs from the start and reports every problem; where it succeeds, the checked
/// reading would give the same graph.
///
/// It accepts less than the checked reading: text values must be JSON strings (not numbers
/// read as text), and `null` anywhere a field is expected sends the file to the checked reading.
extension GraphFile {
    static func readValid(_ root: DocumentNode) -> AttackGraph? {
        guard case .mapping(let top) = root.kind else { return nil }
        var version: DocumentNode?
        var nodeList: [DocumentNode]?
        var edgeList: [DocumentNode]?
        var entryList: [DocumentNode]?
        var targetList: [DocumentNode]?
        var horizonNode: DocumentNode?
        for pair in top {
            guard let key = pair.key.text, !pair.value.isNull else { return nil }
            switch key {
            case "zonelab_graph": version = pair.value
            case "nodes": nodeList = sequence(pair.value)
            case "edges": edgeList = sequence(pair.value)
            case "entry": entryList = sequence(pair.value)
            case "targets": targetList = sequence(pair.value)
            case "horizon_hours": horizonNode = pair.value
            default: return nil
            }
        }
        guard let version, version.scalar?.isPlain == true, version.text == "1",
            let nodeList, let edgeList, let entryList, let targetList, !entryList.isEmpty, !targetList.isEmpty,
            let horizonNode, let horizon = number(horizonNode), horizon > 0
        else { return nil }

        var nodes: [AttackGraph.Node] = []
        nodes.reserveCapacity(nodeList.count)
        var nodeIndex: [String: Int] = Dictionary(minimumCapacity: nodeList.count)
        for item in nodeList {
            guard case .mapping(let pairs) = item.kind else { return nil }
            var id: String?
            var kind = AttackGraph.NodeKind.or
            for pair in pairs {
                guard let key = pair.key.text, let value = string(pair.value) else { return nil }
                switch key {
                case "id": id = value
                case "type":
                    guard let k = AttackGraph.NodeKind(rawValue: value) else { return nil }
                    kind = k
                default: return nil
                }
            }
            guard let id, !id.isEmpty, nodeIndex.updateValue(nodes.count, forKey: id) == nil else { return nil }
            nodes.append(.init(id: id, kind: kind))
        }

        var edges: [AttackGraph.Edge] = []
        edges.reserveCapacity(edgeList.count)
        var edgeIndex: [String: Int] = Dictionary(minimumCapacity: edgeList.count)
        for item in edgeList {
            guard case .mapping(let pairs) = item.kind else { return nil }
            var edge = AttackGraph.Edge(id: "", from: -1, to: -1)
            for pair in pairs {
                guard let key = pair.key.text, !pair.value.isNull else { return nil }
                let value = pair.value
                switch key {
                case "id":
                    guard let id = string(value), !id.isEmpty, edgeIndex.updateValue(edges.count, forKey: id) == nil
                    else { return nil }
                    edge.id = id
                case "from":
                    guard let from = string(value).flatMap({ nodeIndex[$0] }) else { return nil }
                    edge.from = from
                case "to":
                    guard let to = string(value).flatMap({ nodeIndex[$0] }) else { return nil }
                    edge.to = to
                case "p":
                    guard let p = number(value), p <= 1 else { return nil }
                    edge.p = p
                case "ttc":
                    guard let ttc = distribution(value) else { return nil }
                    edge.ttc = ttc
                case "technique":
                    guard let text = string(value) else { return nil }
                    edge.technique = text
                case "label":
                    guard let text = string(value) else { return nil }
                    edge.label = text
                case "vulnerability":
                    guard let text = string(value) else { return nil }
                    edge.vulnerability = text
                case "detect":
                    guard let detect = detection(value) else { return nil }
                    edge.detect = detect
                default: return nil
                }
            }
            guard !edge.id.isEmpty, edge.from >= 0, edge.to >= 0 else { return nil }
            edges.append(edge)
        }

        var entries: [Int] = []
        for item in entryList {
            guard let v = string(item).flatMap({ nodeIndex[$0] }) else { return nil }
            entries.append(v)
        }
        var targets: [Int] = []
        for item in targetList {
            guard let v = string(item).flatMap({ nodeIndex[$0] }) else { return nil }
            targets.append(v)
        }
        return AttackGraph(
            nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizon,
            nodeIndex: nodeIndex, edgeIndex: edgeIndex)
    }

    private static func sequence(_ node: DocumentNode) -> [DocumentNode]? {
        guard case .sequence(let items) = node.kind else { return nil }
        return items
    }

    /// A JSON string's text.
    private static func string(_ node: DocumentNode) -> String? {
        guard let scalar = node.scalar, !scalar.isPlain else { return nil }
        return scalar.text
    }

    /// A finite number, zero or more (as `Diagnostics.number` reads it).
    private static func number(_ node: DocumentNode) -> Double? {
        guard let scalar = node.scalar, scalar.isPlain, let value = Diagnostics.parseNumber(scalar.text),
            value.isFinite, value >= 0
        else { return nil }
        return value
    }

    /// `{"p": q, "response": TTC}`.
    private static func detection(_ node: DocumentNode) -> Detection? {
        guard case .mapping(let pairs) = node.kind else { return nil }
        var q: Double?
        var response: TimeDistribution?
        for pair in pairs {
            guard let key = pair.key.text else { return nil }
            switch key {
            case "p":
                guard let value = number(pair.value), value <= 1 else { return nil }
                q = value
            case "response": response = distribution(pair.value)
            default: return nil
            }
        }
        guard let q, let response else { return nil }
        return Detection(p: q, response: response)
    }

    /// A time distribution with exactly the keys its `dist` needs, each valid.
    private static func distribution(_ node: DocumentNode) -> TimeDistribution? {
        guard case .mapping(let pairs) = node.kind else { return nil }
        var dist: String?
        var first: (key: String, value: Double)?
        var second: (key: String, value: Double)?
        for pair in pairs {
            guard let key = pair.key.text else { return nil }
            if key == "dist" {
                guard dist == nil, let text = string(pair.value) else { return nil }
                dist = text
                continue
            }
            guard let value = number(pair.value) else { return nil }
            if first == nil {
                first = (key, value)
            } else if second == nil {
                second = (key, value)
            } else {
                return nil
            }
        }
        guard let dist else { return nil }
        return distribution(dist, first, second)
    }

    /// The distribution `dist` with exactly the parameters it needs among the (at most two)
    /// `first` and `second` given, each valid; nil otherwise.
    static func distribution(
        _ dist: String, _ first: (key: String, value: Double)?, _ second: (key: String, value: Double)?
    ) -> TimeDistribution? {
        func value(_ key: String, positive: Bool = false) -> Double? {
            let found = first?.key == key ? first?.value : second?.key == key ? second?.value : nil
            guard let found, !positive || found > 0 else { return nil }
            return found
        }
        let given = (first == nil ? 0 : 1) + (second == nil ? 0 : 1)
        switch dist {
        case "instant":
            return given == 0 ? .instant : nil
        case "fixed":
            guard given == 1, let h = value("hours") else { return nil }
            return .fixed(hours: h)
        case "exponential":
            guard given == 1, let m = value("mean_hours", positive: true) else { return nil }
            return .exponential(meanHours: m)
        case "lognormal":
            guard given == 2, let m = value("median_hours", positive: true), let s = value("sigma", positive: true)
            else { return nil }
            return .lognormal(medianHours: m, sigma: s)
        case "uniform":
            guard given == 2, let lo = value("min_hours"), let hi = value("max_hours"), lo <= hi else { return nil }
            return .uniform(minHours: lo, maxHours: hi)
        default:
            return nil
        }
    }
}
