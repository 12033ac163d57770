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
    struct Frame {
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

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    var lineExtra = 0
    var values = 0
    var stack: [Frame] = []
    var duplicates: [Duplicate] = []
    /// Decoded bytes of a string with escapes or non-ASCII characters.
    var scratch: [UInt8] = []
    /// Set when a string decoded `\u0000`.
    var sawNUL = false

    /// Objects with more keys than this find duplicates by hashing, not by a linear search.
    static let linearKeySearch = 8

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

    mutating func document() throws(Failure) -> DocumentNode {
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

    mutating func open(isObject: Bool) throws(Failure) {
        guard stack.count < DocumentParser.maximumDepth else {
            throw failure(at: pos, "arrays and objects are nested more than \(DocumentParser.maximumDepth) levels deep")
        }
        stack.append(Frame(isObject: isObject, location: here))
        pos += 1
    }

    mutating func close() -> DocumentNode {
        guard let frame = stack.popLast() else { return DocumentNode(.sequence([]), at: here) }  // not reached
        return DocumentNode(frame.isObject ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.location)
    }

    /// Adds a finished value to the open container; a repeated key is reported and its value dropped.
    mutating func add(_ node: DocumentNode) {
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

    func firstLocation(of key: String, in top: Int) -> SourceLocation? {
        if let index = stack[top].index { return index[key] }
        for pair in stack[top].pairs {
            if case .scalar(let s) = pair.key.kind, s.text == key { return pair.key.location }
        }
        return nil
    }

    /// Reads an object key and its ':'; leaves `pos` at the value.
    mutating func key() throws(Failure) {
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

}
