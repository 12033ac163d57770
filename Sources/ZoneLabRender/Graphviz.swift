import CGraphviz
import Foundation

/// What a render produced: the bytes and any warnings Graphviz gave on the way.
public struct GraphvizOutput: Sendable {
    public var data: Data
    public var warnings: [String]
}

/// What Graphviz's parser made of a DOT text (no layout): for checks and tests.
public struct ParsedGraph: Sendable, Hashable {
    public var name: String
    public var nodeCount: Int
    public var edgeCount: Int
    /// Node names and their `label` attributes as Graphviz stores them (HTML labels without
    /// the outer `<>`).
    public var labels: [String: String]
    public var warnings: [String]
}

/// Graphviz through libgvc, in-process: `agmemread` → `gvLayout` → `gvRenderData`, every call
/// under one process-wide lock, every message caught and turned into `GraphvizError`.
public enum Graphviz {
    /// Lays out `dot` with `engine` (dot, neato, fdp, ...) and writes it in `format`; `.dot`
    /// gives the DOT text back once Graphviz has read it (no layout).
    public static func render(_ dot: String, format: RenderFormat, engine: String = "dot") throws(GraphvizError)
        -> GraphvizOutput
    {
        try GraphvizSession.shared.withContext { (gvc) throws(GraphvizError) -> GraphvizOutput in
            let graph = try read(dot)
            defer { agclose(graph) }
            if format == .dot {
                let (_, warnings) = GraphvizSession.shared.takeMessages()
                return GraphvizOutput(data: Data(dot.utf8), warnings: warnings)
            }
            let laidOut = engine.withCString { gvLayout(gvc, graph, $0) } == 0
            if !laidOut || agerrors() >= Int32(AGERR.rawValue) {
                let (errors, _) = GraphvizSession.shared.takeMessages()
                if laidOut { _ = gvFreeLayout(gvc, graph) }
                throw GraphvizError(.layout, errors.isEmpty ? ["layout engine '\(engine)' failed"] : errors)
            }
            defer { _ = gvFreeLayout(gvc, graph) }
            let data = try renderData(gvc, graph, format: format.rawValue, gvRenderData)
            let (_, warnings) = GraphvizSession.shared.takeMessages()
            return GraphvizOutput(data: data, warnings: warnings)
        }
    }

    /// Reads `dot` with Graphviz's parser and reports what it holds; errors as for `render`.
    public static func parse(_ dot: String) throws(GraphvizError) -> ParsedGraph {
        try GraphvizSession.shared.withContext { (_) throws(GraphvizError) -> ParsedGraph in
            let graph = try read(dot)
            defer { agclose(graph) }
            var labels: [String: String] = [:]
            var nodes = 0
            var edges = 0
            var node = agfstnode(graph)
            while let n = node {
                nodes += 1
                let name = String(cString: agnameof(UnsafeMutableRawPointer(n)))
                if let value = "label".withCString({
                    agget(UnsafeMutableRawPointer(n), UnsafeMutablePointer(mutating: $0))
                }) {
                    labels[name] = String(cString: value)
                }
                var edge = agfstout(graph, n)
                while let e = edge {
                    edges += 1
                    edge = agnxtout(graph, e)
                }
                node = agnxtnode(graph, n)
            }
            let (_, warnings) = GraphvizSession.shared.takeMessages()
            return ParsedGraph(
                name: String(cString: agnameof(UnsafeMutableRawPointer(graph))), nodeCount: nodes, edgeCount: edges,
                labels: labels, warnings: warnings)
        }
    }

    /// `agmemread`, then drain what is left of the input (`agmemread("")` until nil), so that
    /// trailing text or a second graph cannot leak into the next read. Any error, leftover or
    /// extra graph makes the read fail. Call under the session's lock.
    private static func read(_ dot: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        if dot.utf8.contains(0) {
            throw GraphvizError(.parse, ["the DOT text contains a NUL byte"])
        }
        let graph = dot.withCString { agmemread($0) }
        var extra = 0
        while let more = "".withCString({ agmemread($0) }) {
            agclose(more)
            extra += 1
            if extra > 10_000 { break }
        }
        let failed = agerrors() >= Int32(AGERR.rawValue)
        guard let graph, !failed, extra == 0 else {
            if let graph { agclose(graph) }
            var (errors, _) = GraphvizSession.shared.takeMessages()
            if extra > 0 { errors.append("the text holds more than one graph") }
            if errors.isEmpty { errors.append(dot.allSatisfy(\.isWhitespace) ? "the text is empty" : "no graph found") }
            throw GraphvizError(.parse, errors)
        }
        return graph
    }

    /// `gvRenderData` and `gvFreeRenderData`. Generic over the length's type: `unsigned int *`
    /// in Graphviz 2.x, `size_t *` in newer releases.
    private static func renderData<Length: BinaryInteger>(
        _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, format: String,
        _ function: (
            OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Length>?
        ) -> Int32
    ) throws(GraphvizError) -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: Length = 0
        let status = format.withCString { function(gvc, graph, $0, &buffer, &length) }
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard status == 0, agerrors() < Int32(AGERR.rawValue), let buffer else {
            let (errors, _) = GraphvizSession.shared.takeMessages()
            throw GraphvizError(.render, errors.isEmpty ? ["no output in format '\(format)'"] : errors)
        }
        return Data(bytes: buffer, count: Int(length))
    }

    /// The Graphviz library's version, e.g. "2.43.0".
    public static var version: String {
        (try? GraphvizSession.shared.withContext { (gvc) throws(GraphvizError) -> String in
            gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
        }) ?? "unknown"
    }
}
