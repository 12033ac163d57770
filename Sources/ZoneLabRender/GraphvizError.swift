/// A problem Graphviz reported: DOT it could not read, a layout or a format it could not do.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it went wrong.
    public enum Stage: String, Sendable, Hashable {
        /// Reading the DOT text (`agmemread`).
        case parse
        /// Laying the graph out (`gvLayout`).
        case layout
        /// Writing the output format (`gvRenderData`).
        case render
    }

    public var stage: Stage
    /// Graphviz's own messages, one per line, without the "Error: " prefix.
    public var messages: [String]

    public init(_ stage: Stage, _ messages: [String]) {
        self.stage = stage
        self.messages = messages
    }

    public var description: String {
        let what =
            switch stage {
            case .parse: "Graphviz could not read the DOT text"
            case .layout: "Graphviz could not lay the graph out"
            case .render: "Graphviz could not write the picture"
            }
        // Graphviz repeats itself (one message per label, say): show the first few.
        var shown: [String] = []
        for m in messages where !shown.contains(m) { shown.append(m) }
        let extra = shown.count > 4 ? " (and \(shown.count - 4) more)" : ""
        let detail = shown.isEmpty ? "" : ": " + shown.prefix(4).joined(separator: "; ") + extra
        return what + detail
    }
}
