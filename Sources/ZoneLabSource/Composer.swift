import CYaml

/// Builds a `DocumentNode` tree from libyaml's event stream, iteratively, with bounded expansion.
struct Composer {
    var diagnostics: Diagnostics

    /// An open sequence or mapping. Mutated in place on the stack (`stack[last]`), never copied
    /// out and back, so appending stays O(1) however long the list.
    private struct Frame {
        var isMapping: Bool
        var items: [DocumentNode] = []
        var pairs: [DocumentNode.Pair] = []
        var pendingKey: DocumentNode?
        var seen: [String: SourceLocation] = [:]
        var location: SourceLocation
        var anchor: String?
        var weight = 1
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: DocumentNode, weight: Int)] = [:]
    private var totalWeight = 0
    private var root: DocumentNode?
    private var documents = 0
    private var stopped = false
    /// Whether reading stopped on a problem that leaves no usable tree (a syntax error, a second
    /// document, an unknown alias, too many values). Duplicate keys do not count: the tree stays usable.
    private(set) var failed = false

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    /// Parses the buffer; returns the root node (nil for a stream without a document), with any
    /// problems in `diagnostics`. When `failed` is set, the tree is not usable.
    mutating func run(_ buffer: UnsafeRawBufferPointer) -> DocumentNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.error("out of memory starting the YAML parser", at: .start)
            failed = true
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(
            &parser, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count)

        var event = yaml_event_t()
        while !stopped {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportSyntaxError(parser, in: buffer)
                failed = true
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
                    diagnostics.error(
                        "a file holds one YAML document; found a second one here (remove this '---' or the document before it)",
                        at: location)
                    stopped = true
                    failed = true
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
                    add(anchored.node, weight: anchored.weight, usedAt: location)
                } else {
                    diagnostics.error(
                        "unknown alias '*\(name)': no anchor '&\(name)' comes before it (an alias cannot refer to a list or mapping it is inside)",
                        at: location)
                    stopped = true
                    failed = true
                }
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { Self.string($0) }
                stack.append(Frame(isMapping: false, location: location, anchor: anchor))
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { Self.string($0) }
                stack.append(Frame(isMapping: true, location: location, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node = DocumentNode(
                    frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.location)
                registerNamed(frame.anchor, node: node, weight: frame.weight)
                add(node, weight: frame.weight, counted: true)
            default:
                break
            }
        }
        return root
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
    /// An alias's node is `usedAt` the alias: a value limit is reported there, not at the anchor.
    private mutating func add(_ node: DocumentNode, weight: Int, counted: Bool = false, usedAt: SourceLocation? = nil) {
        if !counted {
            totalWeight += weight
            if totalWeight > DocumentParser.maximumNodes {
                diagnostics.error(
                    "the document expands to more than \(DocumentParser.maximumNodes) values (too large, or aliases nested to blow it up)",
                    at: usedAt ?? node.location)
                stopped = true
                failed = true
                return
            }
        } else {
            totalWeight += 1
        }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].weight &+= weight
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            let keyText = key.text ?? ""
            if let first = stack[top].seen[keyText] {
                diagnostics.error(
                    "duplicate key '\(keyText)' (first given at line \(first.line), column \(first.column))",
                    at: key.location)
            } else {
                stack[top].seen[keyText] = key.location
                stack[top].pairs.append(.init(key: key, value: node))
            }
            stack[top].pendingKey = nil
        } else if node.scalar == nil {
            diagnostics.error("a mapping key must be a plain name, not \(node.kindDescription)", at: node.location)
            stack[top].pendingKey = DocumentNode(
                .scalar(.init(text: "\u{0}invalid-key-\(node.location)", isPlain: true)), at: node.location)
        } else {
            stack[top].pendingKey = node
        }
    }

    private mutating func reportSyntaxError(_ parser: yaml_parser_t, in buffer: UnsafeRawBufferPointer) {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if parser.error == YAML_READER_ERROR {
            // A character libyaml will not read (a control character beyond the part that
            // `DocumentParser` scans itself); reader errors give a byte offset, not a mark.
            let offset = min(Int(parser.problem_offset), buffer.count)
            let value = parser.problem_value
            let digits = String(value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            let what = value < 0 ? "" : " (U+\(code) at byte \(offset))"
            diagnostics.error("not a text file: \(problem)\(what)", at: Self.location(ofByte: offset, in: buffer))
            return
        }
        if problem.hasPrefix("Maximum nesting level reached") {
            // libyaml's text names its C API; say what it means for the file.
            diagnostics.error(
                "lists and mappings are nested more than \(DocumentParser.maximumDepth) levels deep",
                at: Self.location(parser.problem_mark))
            return
        }
        let index = Int(parser.problem_mark.index)
        let byte = index < buffer.count ? buffer[index] : 0
        if problem.hasPrefix("found character that cannot start any token"), byte == 0x09 {
            diagnostics.error(
                "a tab: tabs are not allowed in YAML indentation (nor to start a value); indent with spaces",
                at: Self.location(parser.problem_mark))
            return
        }
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let at = Self.location(parser.context_mark)
            message += " (\(context) at line \(at.line), column \(at.column))"
        }
        // The problem may be found on the line after the value (a '#' comment ends a flow mapping).
        let lines = [index, Int(parser.context_mark.index)].map { Self.line(containing: $0, in: buffer) }
        message += Self.quotingHint(problem: problem, line: lines.joined(separator: "\n"))
        diagnostics.error(message, at: Self.location(parser.problem_mark))
    }

    /// A hint for the syntax errors that a value needing quotes causes.
    static func quotingHint(problem: String, line: String) -> String {
        if problem.hasPrefix("mapping values are not allowed") {
            return "; a ': ' inside a plain value starts a mapping: quote the value"
        }
        if problem.contains("did not find expected ',' or '}'") || problem.contains("did not find expected ',' or ']'")
        {
            // Else most likely a missing closing bracket: no hint.
            return line.contains(" #")
                ? "; ' #' starts a comment, which cuts {…} or […] short: quote a value with '#' in it" : ""
        }
        return ""
    }

    /// The text of the line holding the byte at `offset`.
    static func line(containing offset: Int, in buffer: UnsafeRawBufferPointer) -> String {
        guard !buffer.isEmpty else { return "" }
        let at = min(max(0, offset), buffer.count - 1)
        var start = at
        while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
        var end = at
        while end < buffer.count, buffer[end] != 0x0A { end += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// The line and column (in Unicode scalars) of the byte at `offset`.
    static func location(ofByte offset: Int, in buffer: UnsafeRawBufferPointer) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in buffer.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
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
