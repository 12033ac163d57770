/// Adds items and keys to a YAML document as text, at places found from its parsed nodes, and
/// leaves every other character as it was: comments, blank lines, quoting and layout are kept.
///
/// It appends items to a list (block `- …` or flow `[…]`), adds a key to a mapping (block or flow
/// `{…}`), and adds a key at the end of the document. Each added value is one line of flow YAML.
public struct YAMLEditor: Sendable {
    private let scalars: [Unicode.Scalar]
    /// The offset of each line's first scalar; lines end at LF (a CR before it is part of the break).
    private let lineStarts: [Int]
    private var insertions: [(offset: Int, text: String)] = []
    /// The document's line break: CRLF when it uses them, else LF.
    public let newline: String

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
        newline = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The edited text.
    public var text: String {
        var out = String.UnicodeScalarView()
        var next = 0
        for insertion in insertions.enumerated().sorted(by: {
            ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
        }).map(\.element) {
            out.append(contentsOf: scalars[next..<insertion.offset])
            out.append(contentsOf: insertion.text.unicodeScalars)
            next = insertion.offset
        }
        out.append(contentsOf: scalars[next...])
        return String(out)
    }

    /// Whether anything was added.
    public var isChanged: Bool { !insertions.isEmpty }

    /// Appends one-line flow items to the list `sequence`.
    public mutating func append(items: [String], to sequence: DocumentNode) {
        guard !items.isEmpty, let start = offset(of: sequence.location) else { return }
        if scalars[start] == "[" {
            guard let close = closingBracket(from: start) else { return }
            let isEmpty = {
                if case .sequence(let nodes) = sequence.kind { return nodes.isEmpty } else { return true }
            }()
            insertFlow(items.joined(separator: ", "), before: close, afterOpening: isEmpty)
        } else {
            let indent = String(repeating: " ", count: sequence.location.column - 1)
            let text = items.map { newline + indent + "- " + $0 }.joined()
            insertions.append((blockEnd(of: sequence, isSequence: true), text))
        }
    }

    /// Adds `key: value` (a one-line flow value) to the mapping `mapping`.
    public mutating func add(key: String, value: String, to mapping: DocumentNode) {
        guard let start = offset(of: mapping.location) else { return }
        if scalars[start] == "{" {
            guard let close = closingBracket(from: start) else { return }
            let isEmpty = { if case .mapping(let pairs) = mapping.kind { return pairs.isEmpty } else { return true } }()
            insertFlow("\(key): \(value)", before: close, afterOpening: isEmpty)
        } else {
            let indent = String(repeating: " ", count: mapping.location.column - 1)
            insertions.append((blockEnd(of: mapping, isSequence: false), newline + indent + "\(key): \(value)"))
        }
    }

    /// Adds a top-level key with block `lines` under it (each written as given) at the end.
    public mutating func appendTopLevel(_ lines: [String]) {
        let needsBreak = !(scalars.last.map { $0 == "\n" } ?? true)
        insertions.append(
            (scalars.count, (needsBreak ? newline : "") + lines.map { $0 + newline }.joined()))
    }

    // MARK: - Positions

    private func offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineStarts.count else { return nil }
        let offset = lineStarts[location.line - 1] + location.column - 1
        return offset < scalars.count ? offset : nil
    }

    private mutating func insertFlow(_ text: String, before close: Int, afterOpening isEmpty: Bool) {
        if isEmpty {
            insertions.append((close, text))
            return
        }
        // After the last item; a trailing comma (`[a, b,]`) already separates.
        var j = close - 1
        while j > 0, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\n" || scalars[j] == "\r" { j -= 1 }
        insertions.append((j + 1, (scalars[j] == "," ? " " : ", ") + text))
    }

    /// The offset of the bracket that closes the flow collection opened at `start`.
    private func closingBracket(from start: Int) -> Int? {
        var depth = 0
        var i = start
        var previous: Unicode.Scalar = "["
        while i < scalars.count {
            let s = scalars[i]
            switch s {
            case "[", "{":
                depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return i }
            case "\"" where "[{,:?".unicodeScalars.contains(previous):
                i += 1
                while i < scalars.count, scalars[i] != "\"" { i += scalars[i] == "\\" ? 2 : 1 }
            case "'" where "[{,:?".unicodeScalars.contains(previous):
                i += 1
                while i < scalars.count {
                    if scalars[i] == "'" {
                        if i + 1 < scalars.count, scalars[i + 1] == "'" { i += 2 } else { break }
                    } else {
                        i += 1
                    }
                }
            case "#" where i > 0 && (scalars[i - 1] == " " || scalars[i - 1] == "\t" || scalars[i - 1] == "\n"):
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
                continue
            default:
                break
            }
            if s != " " && s != "\t" && s != "\n" && s != "\r" { previous = s }
            i += 1
        }
        return nil
    }

    /// The line's indentation (spaces) and first other scalar; nil for a blank or comment line.
    private func content(ofLine index: Int) -> (indent: Int, first: Unicode.Scalar, second: Unicode.Scalar?)? {
        var i = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : scalars.count
        while i < end, scalars[i] == " " { i += 1 }
        guard i < end, scalars[i] != "\n", scalars[i] != "\r", scalars[i] != "#" else { return nil }
        return (i - lineStarts[index], scalars[i], i + 1 < end ? scalars[i + 1] : nil)
    }

    /// The offset just after the last character of the block node's last line with content.
    private func blockEnd(of node: DocumentNode, isSequence: Bool) -> Int {
        let column = node.location.column - 1
        var last = node.location.line - 1
        var line = last + 1
        while line < lineStarts.count {
            if let c = content(ofLine: line) {
                let isItem = c.first == "-" && (c.second == nil || c.second == " " || c.second == "\n")
                let isMarker = c.indent == 0 && (c.first == "-" || c.first == ".") && !isItem
                if c.indent < column || isMarker || (isSequence && c.indent == column && !isItem) { break }
                last = line
            }
            line += 1
        }
        var end = last + 1 < lineStarts.count ? lineStarts[last + 1] - 1 : scalars.count
        if end > lineStarts[last], scalars[end - 1] == "\r" { end -= 1 }
        return end
    }
}

/// How ZoneLab writes a text value into YAML: plain when that reads back as the same text,
/// else double-quoted (JSON's string syntax, which YAML reads).
public enum YAMLText {
    public static func scalar(_ s: String) -> String {
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        let plainSafe = s.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0)
                || "_.-/ ".unicodeScalars.contains($0)
        }
        if !s.isEmpty, plainSafe, s.first != " ", s.last != " ", s.first != "-", s.first != ".",
            !reserved.contains(s.lowercased()), Double(s) == nil, Int(s) == nil, !s.contains("  ")
        {
            return s
        }
        return JSONValue.string(s).serialized()
    }
}
