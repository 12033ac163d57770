import CYaml

/// Builds a `DocumentNode` tree from libyaml's event stream, iteratively, with bounded expansion.
struct Composer {
    var diagnostics: Diagnostics

    private enum Frame {
        case sequence(items: [DocumentNode], location: SourceLocation, anchor: String?, weight: Int)
        case mapping(
            pairs: [DocumentNode.Pair], pendingKey: DocumentNode?, seen: [String: SourceLocation],
            location: SourceLocation, anchor: String?, weight: Int)
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: DocumentNode, weight: Int)] = [:]
    private var totalWeight = 0
    private var root: DocumentNode?
    private var documents = 0
    private var stopped = false

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    /// Parses the buffer; returns the root node, or nil with errors in `diagnostics`.
    mutating func run(_ buffer: UnsafeRawBufferPointer) -> DocumentNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.error("out of memory starting the YAML parser", at: .start)
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(
            &parser, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)

        var event = yaml_event_t()
        while !stopped {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportSyntaxError(parser)
                return nil
            }
            defer { yaml_event_delete(&event) }
            let location = Self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                stopped = true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.error("a file holds one YAML document; found a second one here", at: location)
                    stopped = true
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = Self.string(s.value, length: s.length)
                let node = DocumentNode(
                    .scalar(.init(text: text, isPlain: s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nil)),
                    at: location)
                register(anchor: s.anchor, node: node, weight: 1)
                add(node, weight: 1)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor)
                if let anchored = anchors[name] {
                    add(anchored.node, weight: anchored.weight)
                } else {
                    diagnostics.error("unknown alias '*\(name)'", at: location)
                    stopped = true
                }
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { Self.string($0) }
                stack.append(.sequence(items: [], location: location, anchor: anchor, weight: 1))
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { Self.string($0) }
                stack.append(
                    .mapping(pairs: [], pendingKey: nil, seen: [:], location: location, anchor: anchor, weight: 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                switch frame {
                case .sequence(let items, let at, let anchor, let weight):
                    let node = DocumentNode(.sequence(items), at: at)
                    registerNamed(anchor, node: node, weight: weight)
                    add(node, weight: weight, counted: true)
                case .mapping(let pairs, _, _, let at, let anchor, let weight):
                    let node = DocumentNode(.mapping(pairs), at: at)
                    registerNamed(anchor, node: node, weight: weight)
                    add(node, weight: weight, counted: true)
                }
            default:
                break
            }
        }
        return diagnostics.hasErrors ? nil : root
    }

    private mutating func register(anchor: UnsafeMutablePointer<yaml_char_t>?, node: DocumentNode, weight: Int) {
        guard let anchor else { return }
        registerNamed(Self.string(anchor), node: node, weight: weight)
    }

    private mutating func registerNamed(_ anchor: String?, node: DocumentNode, weight: Int) {
        guard let anchor else { return }
        anchors[anchor] = (node, weight)
    }

    /// Adds a finished node to its parent. `counted` nodes' weight was already added child by child.
    private mutating func add(_ node: DocumentNode, weight: Int, counted: Bool = false) {
        if !counted {
            totalWeight += weight
            if totalWeight > DocumentParser.maximumNodes {
                diagnostics.error(
                    "the document expands to more than \(DocumentParser.maximumNodes) values (too large, or aliases nested to blow it up)",
                    at: node.location)
                stopped = true
                return
            }
        } else {
            totalWeight += 1
        }
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(var items, let at, let anchor, let w):
            items.append(node)
            stack.append(.sequence(items: items, location: at, anchor: anchor, weight: w &+ weight))
        case .mapping(var pairs, let pendingKey, var seen, let at, let anchor, let w):
            if let key = pendingKey {
                let keyText = key.text ?? ""
                if let first = seen[keyText] {
                    diagnostics.error(
                        "duplicate key '\(keyText)' (first given at line \(first.line), column \(first.column))",
                        at: key.location)
                } else {
                    seen[keyText] = key.location
                    pairs.append(.init(key: key, value: node))
                }
                stack.append(
                    .mapping(pairs: pairs, pendingKey: nil, seen: seen, location: at, anchor: anchor, weight: w &+ weight))
            } else {
                var key = node
                if key.scalar == nil {
                    diagnostics.error("a mapping key must be a plain name, not \(node.kindDescription)", at: node.location)
                    key = DocumentNode(.scalar(.init(text: "\u{0}invalid-key-\(node.location)", isPlain: true)), at: node.location)
                }
                stack.append(
                    .mapping(pairs: pairs, pendingKey: key, seen: seen, location: at, anchor: anchor, weight: w &+ weight))
            }
        }
    }

    private mutating func reportSyntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let at = Self.location(parser.context_mark)
            message += " (\(context) at line \(at.line), column \(at.column))"
        }
        diagnostics.error(message, at: Self.location(parser.problem_mark))
    }

    static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>, length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }
}
