/// The strict JSON reader behind `StrictJSON`: one pass over UTF-8 bytes, an explicit stack of
/// open arrays and objects (no recursion), the first syntax error stops it.
///
/// Positions: `line` and `lineStart` follow the newlines met while skipping whitespace (the only
/// place a valid JSON text has them), and `lineExtra` counts the UTF-8 continuation bytes read
/// on the current line (only strings hold non-ASCII), so a node's column is one subtraction.
/// An error's column is counted from the start of its line when the error happens.
struct JSONReader {
    /// A problem that stops the reader, at a byte offset.
    struct Failure: Error {
        var location: SourceLocation
        var message: String
        /// Unexpected bytes that may mean a binary file rather than a typo.
        var mayBeBinary = false
    }

    struct Duplicate {
        var location: SourceLocation
        var message: String
    }

    struct Outcome {
        var root: DocumentNode?
        var failure: Failure?
        var duplicates: [Duplicate]
    }

    /// An open array or object; mutated in place on the stack.
    private struct Frame {
        var isObject: Bool
        var location: SourceLocation
        var items: [DocumentNode] = []
        var pairs: [DocumentNode.Pair] = []
        var key: DocumentNode?
        /// The keys' positions, once the object is too large for a linear search.
        var index: [String: SourceLocation]?

        init(isObject: Bool, location: SourceLocation) {
            self.isObject = isObject
            self.location = location
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var lineExtra = 0
    private var values = 0
    private var stack: [Frame] = []
    private var duplicates: [Duplicate] = []
    /// Decoded bytes of a string with escapes or non-ASCII characters.
    private var scratch: [UInt8] = []
    /// Set when a string decoded `\u0000`.
    private var sawNUL = false

    /// Objects with more keys than this find duplicates by hashing, not by a linear search.
    private static let linearKeySearch = 8

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
    }

    mutating func run() -> Outcome {
        do throws(Failure) {
            let root = try document()
            return Outcome(root: root, failure: nil, duplicates: duplicates)
        } catch {
            return Outcome(root: nil, failure: error, duplicates: duplicates)
        }
    }

    // MARK: Structure

    private mutating func document() throws(Failure) -> DocumentNode {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {  // a UTF-8 byte order mark
            pos = 3
            lineStart = 3
        }
        skipWhitespace()
        guard pos < count else { throw Failure(location: .start, message: "the file is empty") }
        next: while true {
            skipWhitespace()
            var node: DocumentNode
            switch peek {
            case 0x7B:  // {
                try open(isObject: true)
                skipWhitespace()
                if peek == 0x7D {
                    pos += 1
                    node = close()
                } else {
                    try key()
                    continue next
                }
            case 0x5B:  // [
                try open(isObject: false)
                skipWhitespace()
                if peek == 0x5D {
                    pos += 1
                    node = close()
                } else {
                    continue next
                }
            default:
                node = try scalar()
            }
            // A value is complete: add it to its container, and close the containers that end here.
            while true {
                values += 1
                if values > DocumentParser.maximumNodes {
                    throw Failure(
                        location: node.location,
                        message: "the document has more than \(DocumentParser.maximumNodes) values (too large)")
                }
                guard !stack.isEmpty else {
                    skipWhitespace()
                    if pos < count {
                        throw failure(
                            at: pos,
                            "unexpected \(found(at: pos)) after the JSON value: a JSON file holds one value",
                            mayBeBinary: true)
                    }
                    return node
                }
                add(node)
                skipWhitespace()
                let top = stack.count - 1
                let isObject = stack[top].isObject
                switch peek {
                case 0x2C:  // ,
                    let comma = pos
                    pos += 1
                    skipWhitespace()
                    if peek == (isObject ? 0x7D : 0x5D) {
                        throw failure(at: comma, "trailing comma before '\(isObject ? "}" : "]")'")
                    }
                    if isObject { try key() }
                    continue next
                case 0x7D where isObject, 0x5D where !isObject:
                    pos += 1
                    node = close()
                case -1:
                    throw unclosed()
                default:
                    let what = isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    var message = "expected \(what), found \(found(at: pos))"
                    if peek == 0x22 || peek == 0x7B || peek == 0x5B {
                        message += " (a missing ','?)"
                    } else if peek == 0x5D || peek == 0x7D {
                        let opened = stack[top].location
                        message +=
                            " (the \(isObject ? "object" : "array") opened at line \(opened.line), column \(opened.column) is still open)"
                    }
                    throw failure(at: pos, message, mayBeBinary: true)
                }
            }
        }
    }

    private mutating func open(isObject: Bool) throws(Failure) {
        guard stack.count < DocumentParser.maximumDepth else {
            throw failure(at: pos, "arrays and objects are nested more than \(DocumentParser.maximumDepth) levels deep")
        }
        stack.append(Frame(isObject: isObject, location: here))
        pos += 1
    }

    private mutating func close() -> DocumentNode {
        guard let frame = stack.popLast() else { return DocumentNode(.sequence([]), at: here) }  // not reached
        return DocumentNode(frame.isObject ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.location)
    }

    /// Adds a finished value to the open container; a repeated key is reported and its value dropped.
    private mutating func add(_ node: DocumentNode) {
        let top = stack.count - 1
        guard stack[top].isObject else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].key, case .scalar(let name) = key.kind else { return }  // not reached: key() set it
        stack[top].key = nil
        if let first = firstLocation(of: name.text, in: top) {
            duplicates.append(
                Duplicate(
                    location: key.location,
                    message: "duplicate key '\(name.text)' (first given at line \(first.line), column \(first.column))")
            )
            return
        }
        stack[top].pairs.append(DocumentNode.Pair(key: key, value: node))
        if stack[top].index != nil {
            stack[top].index?[name.text] = key.location
        } else if stack[top].pairs.count > Self.linearKeySearch {
            var index: [String: SourceLocation] = [:]
            for pair in stack[top].pairs {
                if case .scalar(let s) = pair.key.kind { index[s.text] = pair.key.location }
            }
            stack[top].index = index
        }
    }

    private func firstLocation(of key: String, in top: Int) -> SourceLocation? {
        if let index = stack[top].index { return index[key] }
        for pair in stack[top].pairs {
            if case .scalar(let s) = pair.key.kind, s.text == key { return pair.key.location }
        }
        return nil
    }

    /// Reads an object key and its ':'; leaves `pos` at the value.
    private mutating func key() throws(Failure) {
        let start = pos
        switch peek {
        case 0x22:
            break
        case -1:
            throw unclosed()
        case 0x27:  // '
            throw failure(at: start, "strings in JSON use double quotes, not single quotes")
        default:
            if isWordByte(peek) {
                throw failure(
                    at: start, "object keys in JSON are strings in double quotes: write \"\(word(at: start))\"")
            }
            if peek == 0x2F || peek == 0x23 { throw failure(at: start, "comments are not allowed in JSON") }
            throw failure(
                at: start, "expected an object key in double quotes, found \(found(at: start))", mayBeBinary: true)
        }
        let location = here
        sawNUL = false
        let text = try string()
        if sawNUL { throw failure(at: start, "an object key cannot contain the character U+0000") }
        values += 1
        skipWhitespace()
        guard peek == 0x3A else {
            if peek == -1 { throw unclosed() }
            throw failure(
                at: pos, "expected ':' after the key \"\(Self.shortened(text))\", found \(found(at: pos))",
                mayBeBinary: true)
        }
        pos += 1
        stack[stack.count - 1].key = DocumentNode(.scalar(.init(text: text, isPlain: false)), at: location)
    }

    // MARK: Scalars

    private mutating func scalar() throws(Failure) -> DocumentNode {
        let location = here
        switch peek {
        case 0x22:
            return DocumentNode(.scalar(.init(text: try string(), isPlain: false)), at: location)
        case 0x2D, 0x30...0x39:
            return DocumentNode(.scalar(.init(text: try number(), isPlain: true)), at: location)
        case 0x74 where matches("true"):
            pos += 4
            return DocumentNode(.scalar(.init(text: "true", isPlain: true)), at: location)
        case 0x66 where matches("false"):
            pos += 5
            return DocumentNode(.scalar(.init(text: "false", isPlain: true)), at: location)
        case 0x6E where matches("null"):
            pos += 4
            return DocumentNode(.scalar(.init(text: "null", isPlain: true)), at: location)
        default:
            throw valueExpected()
        }
    }

    /// Whether the literal `word` starts at `pos` and is not the start of a longer word.
    private func matches(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: n)
        for i in 0..<n where bytes[pos + i] != expected[i] { return false }
        return pos + n == count || !isWordByte(Int(bytes[pos + n]))
    }

    /// The error for a byte that cannot start a value.
    private func valueExpected() -> Failure {
        let start = pos
        switch peek {
        case -1:
            return stack.isEmpty ? failure(at: start, "expected a JSON value") : unclosed()
        case 0x27:
            return failure(at: start, "strings in JSON use double quotes, not single quotes")
        case 0x2F, 0x23:  // / #
            return failure(at: start, "comments are not allowed in JSON")
        case 0x2C:
            return failure(at: start, "expected a value before ','")
        case 0x5D, 0x7D:
            if let top = stack.last, top.isObject {
                return failure(at: start, "expected a value after ':', found \(found(at: start))")
            }
            return failure(at: start, "expected a value, found \(found(at: start))")
        case 0x2B:  // +
            let w = word(at: start)
            if Self.nonFinite.contains(w) { return nonFiniteNumber(w, at: start) }
            return failure(at: start, "numbers in JSON have no '+' sign: write '\(w.dropFirst())'")
        case 0x2E:  // .
            let w = word(at: start)
            if Self.nonFinite.contains(w) { return nonFiniteNumber(w, at: start) }
            return failure(at: start, "numbers in JSON start with a digit: write '0\(w)'")
        default:
            if isWordByte(peek) { return unexpectedWord(at: start) }
            if peek == 0xE2, start + 2 < count, bytes[start + 1] == 0x80, (0x98...0x9D).contains(bytes[start + 2]) {
                return failure(at: start, "strings in JSON use straight double quotes (\"), not \(found(at: start))")
            }
            return failure(at: start, "expected a JSON value, found \(found(at: start))", mayBeBinary: true)
        }
    }

    private static let nonFinite: Set<String> = [
        "NaN", "nan", "Infinity", "infinity", "inf", "-Infinity", "-infinity", "-inf", "+Infinity", "+inf",
        ".nan", ".NaN", ".inf", ".Inf", "-.inf", "-.Inf", "+.inf", "+.Inf",
    ]

    private func nonFiniteNumber(_ word: String, at start: Int) -> Failure {
        failure(at: start, "'\(word)' is not a JSON number: JSON has no NaN or Infinity")
    }

    /// The error for a bare word in place of a value.
    private func unexpectedWord(at start: Int) -> Failure {
        let w = word(at: start)
        if Self.nonFinite.contains(w) { return nonFiniteNumber(w, at: start) }
        let spelled: [String: String] = [
            "True": "true", "TRUE": "true", "False": "false", "FALSE": "false",
            "Null": "null", "NULL": "null", "None": "null", "nil": "null", "undefined": "null",
        ]
        if let right = spelled[w] { return failure(at: start, "'\(w)' is not JSON: write \(right)") }
        return failure(at: start, "unquoted text '\(Self.shortened(w))': strings in JSON are written in double quotes")
    }

    /// Reads a number as written, checking RFC 8259's grammar.
    private mutating func number() throws(Failure) -> String {
        let start = pos
        if bytes[pos] == 0x2D {
            pos += 1
            guard pos < count, isDigit(bytes[pos]) else {
                let w = word(at: start)
                if Self.nonFinite.contains(w) { throw nonFiniteNumber(w, at: start) }
                throw failure(at: start, "expected a digit after '-'")
            }
        }
        if bytes[pos] == 0x30 {
            pos += 1
            if pos < count, isDigit(bytes[pos]) {
                throw failure(at: start, "numbers in JSON have no leading zeros: '\(word(at: start))'")
            }
        } else {
            while pos < count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < count, bytes[pos] == 0x2E {
            pos += 1
            guard pos < count, isDigit(bytes[pos]) else {
                throw failure(at: start, "expected a digit after the decimal point in '\(word(at: start))'")
            }
            while pos < count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < count, bytes[pos] | 0x20 == 0x65 {  // e or E
            pos += 1
            if pos < count, bytes[pos] == 0x2B || bytes[pos] == 0x2D { pos += 1 }
            guard pos < count, isDigit(bytes[pos]) else {
                throw failure(at: start, "expected a digit in the exponent of '\(word(at: start))'")
            }
            while pos < count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < count, isWordByte(Int(bytes[pos])) {
            let w = word(at: start)
            if w.hasPrefix("0x") || w.hasPrefix("0X") || w.hasPrefix("-0x") {
                throw failure(at: start, "'\(w)' is not a JSON number: JSON numbers are decimal")
            }
            throw failure(at: start, "'\(Self.shortened(w))' is not a JSON number")
        }
        return text(start, pos)
    }

    /// Reads the string whose opening quote is at `pos`; leaves `pos` after its closing quote.
    private mutating func string() throws(Failure) -> String {
        let open = pos
        var i = pos + 1
        // The common case: printable ASCII without escapes, made into a String in one go.
        while i < count {
            let b = bytes[i]
            if b == 0x22 {
                pos = i + 1
                return text(open + 1, i)
            }
            if b == 0x5C || b < 0x20 || b >= 0x80 { break }
            i += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<i]))
        while i < count {
            let b = bytes[i]
            switch b {
            case 0x22:
                pos = i + 1
                return String(decoding: scratch, as: UTF8.self)
            case 0x5C:
                try escape(at: &i)
            case 0..<0x20:
                throw controlCharacter(b, at: i)
            case 0x80...:
                let length = try utf8Length(at: i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                lineExtra += length - 1
                i += length
            default:
                scratch.append(b)
                i += 1
            }
        }
        throw failure(at: open, "unterminated string: no closing '\"' before the end of the file")
    }

    /// Decodes the escape whose backslash is at `i` into `scratch`; moves `i` past it.
    private mutating func escape(at i: inout Int) throws(Failure) {
        let backslash = i
        guard i + 1 < count else {
            throw failure(at: backslash, "unterminated string: no closing '\"' before the end of the file")
        }
        let decoded: UInt8
        switch bytes[i + 1] {
        case 0x22: decoded = 0x22
        case 0x5C: decoded = 0x5C
        case 0x2F: decoded = 0x2F
        case 0x62: decoded = 0x08  // b
        case 0x66: decoded = 0x0C  // f
        case 0x6E: decoded = 0x0A  // n
        case 0x72: decoded = 0x0D  // r
        case 0x74: decoded = 0x09  // t
        case 0x75:  // u
            guard let unit = hex4(at: i + 2) else {
                throw failure(
                    at: backslash,
                    "invalid escape '\(escapeText(at: backslash, length: 6))': \\u is followed by four hexadecimal digits"
                )
            }
            i += 6
            var scalar = unit
            if (0xD800...0xDBFF).contains(unit) {
                guard i + 1 < count, bytes[i] == 0x5C, bytes[i + 1] == 0x75, let low = hex4(at: i + 2),
                    (0xDC00...0xDFFF).contains(low)
                else {
                    throw failure(
                        at: backslash,
                        "lone surrogate '\(escapeText(at: backslash, length: 6))' in a string: a high surrogate (\\uD800-\\uDBFF) must be followed by a low one (\\uDC00-\\uDFFF)"
                    )
                }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                i += 6
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure(
                    at: backslash,
                    "lone surrogate '\(escapeText(at: backslash, length: 6))' in a string: a low surrogate (\\uDC00-\\uDFFF) must follow a high one (\\uD800-\\uDBFF)"
                )
            }
            if scalar == 0 { sawNUL = true }
            appendUTF8(scalar)
            return
        case 0x27:
            throw failure(at: backslash, "invalid escape '\\'' in a string: a single quote needs no escape in JSON")
        default:
            throw failure(
                at: backslash,
                "invalid escape '\(escapeText(at: backslash, length: 2))' in a string: JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX"
            )
        }
        scratch.append(decoded)
        i += 2
    }

    /// The four hexadecimal digits at `i` as a number.
    private func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= count else { return nil }
        var value: UInt32 = 0
        for k in i..<(i + 4) {
            let b = bytes[k]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    private func utf8Length(at i: Int) throws(Failure) -> Int {
        let b0 = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw invalidUTF8(at: i)
        }
        guard i + length <= count, (low...high).contains(bytes[i + 1]) else { throw invalidUTF8(at: i) }
        for k in (i + 2)..<(i + length) where bytes[k] & 0xC0 != 0x80 { throw invalidUTF8(at: i) }
        return length
    }

    private func invalidUTF8(at i: Int) -> Failure {
        failure(
            at: i,
            "not a UTF-8 text file: invalid byte \(Self.hex(bytes[i])) at byte \(i) (is it binary, or in another encoding?)",
            mayBeBinary: true)
    }

    private func controlCharacter(_ b: UInt8, at i: Int) -> Failure {
        switch b {
        case 0x0A: return failure(at: i, "line break in a string: write it as \\n (or is the closing '\"' missing?)")
        case 0x0D: return failure(at: i, "carriage return in a string: write it as \\r")
        case 0x09: return failure(at: i, "tab in a string: write it as \\t")
        default:
            let digits = String(b, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: 4 - digits.count) + digits
            return failure(
                at: i, "control character U+\(code) in a string: write it as \\u\(code)", mayBeBinary: b == 0)
        }
    }

    // MARK: Bytes and positions

    /// The byte at `pos`, or -1 at the end.
    private var peek: Int { pos < count ? Int(bytes[pos]) : -1 }

    /// The position of `pos`, which is on the current line after everything read on it.
    private var here: SourceLocation {
        SourceLocation(line: line, column: pos - lineStart - lineExtra + 1)
    }

    private mutating func skipWhitespace() {
        while pos < count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D:
                pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
                lineExtra = 0
            default:
                return
            }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Letters, digits and what continues a number or a bare word: `_ $ . + -`.
    private func isWordByte(_ b: Int) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b == 0x24 || b == 0x2E
            || b == 0x2B || b == 0x2D
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The bare word at `start`, for messages.
    private func word(at start: Int) -> String {
        var end = start
        while end < count, end - start < 60, isWordByte(Int(bytes[end])) { end += 1 }
        return text(start, end)
    }

    /// Up to `length` printable ASCII bytes from `start`, to quote a bad escape.
    private func escapeText(at start: Int, length: Int) -> String {
        var end = start
        while end < count, end - start < length, bytes[end] >= 0x20, bytes[end] < 0x7F,
            end == start || bytes[end] != 0x22
        {
            end += 1
        }
        return text(start, end)
    }

    /// What is at `offset`, in the words of an error message.
    private func found(at offset: Int) -> String {
        guard offset < count else { return "the end of the file" }
        let b = bytes[offset]
        if b >= 0x20 && b < 0x7F { return b == 0x27 ? "\"'\"" : "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "the control byte \(Self.hex(b))" }
        if let length = try? utf8Length(at: offset) { return "'\(text(offset, offset + length))'" }
        return "the byte \(Self.hex(b))"
    }

    /// The error for the end of the file inside an array or object.
    private func unclosed() -> Failure {
        guard let top = stack.last else { return failure(at: count, "unexpected end of the file") }
        let what = top.isObject ? "object" : "array"
        return failure(
            at: count,
            "the file ends inside the \(what) opened at line \(top.location.line), column \(top.location.column): a closing '\(top.isObject ? "}" : "]")' is missing"
        )
    }

    private func failure(at offset: Int, _ message: String, mayBeBinary: Bool = false) -> Failure {
        Failure(location: location(of: offset), message: message, mayBeBinary: mayBeBinary)
    }

    /// The line and column of the byte at `offset`, counted when an error needs it: from the
    /// current line's start when the offset is on it, else from the start of the file.
    private func location(of offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), count)
        var line = self.line
        var column = 1
        var start = lineStart
        if offset < lineStart {
            line = 1
            start = 0
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = min(3, offset) }
        }
        for k in start..<offset {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    private static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
