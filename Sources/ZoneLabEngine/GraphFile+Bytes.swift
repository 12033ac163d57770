import Foundation
import ZoneLabSource

/// The fastest reading of a graph file: straight from its bytes to the graph, without a tree,
/// for files as `zonelab compile` writes them. It reads a narrow, strict subset of JSON (no
/// escapes, no `true`, `false` or `null`, no byte order mark, no repeated key) and of the format,
/// and gives up (nil) on anything else: the strict JSON reader and the graph's checked reading
/// then run and report. Where it succeeds, they would give the same graph (the same strings,
/// numbers read by `Diagnostics.parseNumber` from the same text, the same checks).
extension GraphFile {
    static func readValid(bytes data: Data) -> AttackGraph? {
        guard data.count <= DocumentParser.maximumFileBytes else { return nil }
        return data.withUnsafeBytes { raw in
            var reader = GraphBytes(raw.assumingMemoryBound(to: UInt8.self))
            guard let graph = reader.graph() else { return nil }
            reader.skipWhitespace()
            return reader.pos == reader.bytes.count && reader.values < DocumentParser.maximumNodes ? graph : nil
        }
    }
}

struct GraphBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// Values read, against the strict reader's limit.
    var values = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var peek: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    /// Skips whitespace and `byte`; false when another byte comes.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard peek == byte else { return false }
        pos += 1
        return true
    }

    /// A string without escapes or control characters, valid UTF-8.
    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        values += 1
        let start = pos
        var ascii = true
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x22 {
                let body = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                return ascii ? String(decoding: body, as: UTF8.self) : String(validating: body, as: UTF8.self)
            }
            if b == 0x5C || b < 0x20 { return nil }
            if b >= 0x80 { ascii = false }
            pos += 1
        }
        return nil
    }

    /// A number's text as RFC 8259 writes it, not followed by a word byte.
    mutating func numberText() -> String? {
        skipWhitespace()
        values += 1
        let start = pos
        func digits() -> Bool {
            let first = pos
            while pos < bytes.count, bytes[pos] &- 0x30 < 10 { pos += 1 }
            return pos > first
        }
        if peek == 0x2D { pos += 1 }
        if peek == 0x30 {
            pos += 1
        } else if !(peek >= 0x31 && peek <= 0x39) || !digits() {
            return nil
        }
        if peek == 0x2E {
            pos += 1
            guard digits() else { return nil }
        }
        if peek | 0x20 == 0x65 {
            pos += 1
            if peek == 0x2B || peek == 0x2D { pos += 1 }
            guard digits() else { return nil }
        }
        let b = Int(peek)
        if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b == 0x24 || b == 0x2E
            || b == 0x2B || b == 0x2D
        {
            return nil
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    /// A finite number, zero or more (as `Diagnostics.number` reads it).
    mutating func number() -> Double? {
        guard let text = numberText(), let value = Diagnostics.parseNumber(text), value.isFinite, value >= 0 else {
            return nil
        }
        return value
    }

    /// Reads an object's members: `member` reads the value of each key and returns the key's bit
    /// (nil for a key it does not take or a bad value); a key given twice fails.
    mutating func object(_ member: (inout GraphBytes, String) -> UInt32?) -> Bool {
        guard take(0x7B) else { return false }
        values += 1
        if take(0x7D) { return true }
        var seen: UInt32 = 0
        repeat {
            guard let key = string(), take(0x3A), let bit = member(&self, key), seen & bit == 0 else { return false }
            seen |= bit
        } while take(0x2C)
        return take(0x7D)
    }

    /// Reads an array, calling `item` for each element.
    mutating func array(_ item: (inout GraphBytes) -> Bool) -> Bool {
        guard take(0x5B) else { return false }
        values += 1
        if take(0x5D) { return true }
        repeat {
            guard item(&self) else { return false }
        } while take(0x2C)
        return take(0x5D)
    }
}

extension GraphBytes {
    mutating func graph() -> AttackGraph? {
        guard !(bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) else { return nil }
        var version = false
        var nodes: [AttackGraph.Node] = []
        var nodeIndex: [String: Int] = [:]
        var edges: [AttackGraph.Edge] = []
        var edgeIndex: [String: Int] = [:]
        var entries: [Int] = []
        var targets: [Int] = []
        var horizon = 0.0
        func endpoints(_ reader: inout GraphBytes, _ list: inout [Int]) -> Bool {
            reader.array { reader in
                guard let id = reader.string(), let v = nodeIndex[id] else { return false }
                list.append(v)
                return true
            } && !list.isEmpty
        }
        let read = object { reader, key in
            switch key {
            case "zonelab_graph":
                version = reader.numberText() == "1"
                return version ? 1 : nil
            case "nodes":
                return reader.array { reader in
                    guard let node = reader.node(), nodeIndex.updateValue(nodes.count, forKey: node.id) == nil
                    else { return false }
                    nodes.append(node)
                    return true
                } ? 2 : nil
            case "edges":
                return reader.array { reader in
                    guard let edge = reader.edge(nodeIndex),
                        edgeIndex.updateValue(edges.count, forKey: edge.id) == nil
                    else { return false }
                    edges.append(edge)
                    return true
                } ? 4 : nil
            case "entry": return endpoints(&reader, &entries) ? 8 : nil
            case "targets": return endpoints(&reader, &targets) ? 16 : nil
            case "horizon_hours":
                guard let h = reader.number(), h > 0 else { return nil }
                horizon = h
                return 32
            default: return nil
            }
        }
        // Every key given (entry and targets need the nodes read before them).
        guard read, version, horizon > 0, !entries.isEmpty, !targets.isEmpty else { return nil }
        return AttackGraph(
            nodes: nodes, edges: edges, entries: entries, targets: targets, horizonHours: horizon,
            nodeIndex: nodeIndex, edgeIndex: edgeIndex)
    }

    mutating func node() -> AttackGraph.Node? {
        var id = ""
        var kind = AttackGraph.NodeKind.or
        let read = object { reader, key in
            switch key {
            case "id":
                guard let text = reader.string(), !text.isEmpty else { return nil }
                id = text
                return 1
            case "type":
                guard let k = reader.string().flatMap(AttackGraph.NodeKind.init(rawValue:)) else { return nil }
                kind = k
                return 2
            default: return nil
            }
        }
        guard read, !id.isEmpty else { return nil }
        return .init(id: id, kind: kind)
    }

    mutating func edge(_ nodeIndex: [String: Int]) -> AttackGraph.Edge? {
        var edge = AttackGraph.Edge(id: "", from: -1, to: -1)
        let read = object { reader, key in
            switch key {
            case "id":
                guard let text = reader.string(), !text.isEmpty else { return nil }
                edge.id = text
                return 1
            case "from":
                guard let v = reader.string().flatMap({ nodeIndex[$0] }) else { return nil }
                edge.from = v
                return 2
            case "to":
                guard let v = reader.string().flatMap({ nodeIndex[$0] }) else { return nil }
                edge.to = v
                return 4
            case "p":
                guard let p = reader.number(), p <= 1 else { return nil }
                edge.p = p
                return 8
            case "ttc":
                guard let ttc = reader.distribution() else { return nil }
                edge.ttc = ttc
                return 16
            case "technique":
                edge.technique = reader.string()
                return edge.technique == nil ? nil : 32
            case "label":
                edge.label = reader.string()
                return edge.label == nil ? nil : 64
            case "vulnerability":
                edge.vulnerability = reader.string()
                return edge.vulnerability == nil ? nil : 128
            case "detect":
                var q: Double?
                var response: TimeDistribution?
                let read = reader.object { reader, key in
                    switch key {
                    case "p":
                        q = reader.number().flatMap { $0 <= 1 ? $0 : nil }
                        return q == nil ? nil : 1
                    case "response":
                        response = reader.distribution()
                        return response == nil ? nil : 2
                    default: return nil
                    }
                }
                guard read, let q, let response else { return nil }
                edge.detect = Detection(p: q, response: response)
                return 256
            default: return nil
            }
        }
        guard read, !edge.id.isEmpty, edge.from >= 0, edge.to >= 0 else { return nil }
        return edge
    }

    mutating func distribution() -> TimeDistribution? {
        var dist: String?
        var first: (key: String, value: Double)?
        var second: (key: String, value: Double)?
        let read = object { reader, key in
            if key == "dist" {
                dist = reader.string()
                return dist == nil ? nil : 1
            }
            guard second == nil, let value = reader.number() else { return nil }
            if first == nil {
                first = (key, value)
                return 2
            }
            second = (key, value)
            return 4
        }
        guard read, let dist else { return nil }
        return GraphFile.distribution(dist, first, second)
    }
}
