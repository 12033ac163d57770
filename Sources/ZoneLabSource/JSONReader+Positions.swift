/// Bytes, whitespace and positions: line and column computed only where needed.
extension JSONReader {
    // MARK: Bytes and positions

    /// The byte at `pos`, or -1 at the end.
    var peek: Int { pos < count ? Int(bytes[pos]) : -1 }

    /// The position of `pos`, which is on the current line after everything read on it.
    var here: SourceLocation {
        SourceLocation(line: line, column: pos - lineStart - lineExtra + 1)
    }

    mutating func skipWhitespace() {
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

    func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Letters, digits and what continues a number or a bare word: `_ $ . + -`.
    func isWordByte(_ b: Int) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b == 0x24 || b == 0x2E
            || b == 0x2B || b == 0x2D
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The bare word at `start`, for messages.
    func word(at start: Int) -> String {
        var end = start
        while end < count, end - start < 60, isWordByte(Int(bytes[end])) { end += 1 }
        return text(start, end)
    }

    /// Up to `length` printable ASCII bytes from `start`, to quote a bad escape.
    func escapeText(at start: Int, length: Int) -> String {
        var end = start
        while end < count, end - start < length, bytes[end] >= 0x20, bytes[end] < 0x7F,
            end == start || bytes[end] != 0x22
        {
            end += 1
        }
        return text(start, end)
    }

    /// What is at `offset`, in the words of an error message.
    func found(at offset: Int) -> String {
        guard offset < count else { return "the end of the file" }
        let b = bytes[offset]
        if b >= 0x20 && b < 0x7F { return b == 0x27 ? "\"'\"" : "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "the control byte \(Self.hex(b))" }
        if let length = try? utf8Length(at: offset) { return "'\(text(offset, offset + length))'" }
        return "the byte \(Self.hex(b))"
    }

    /// The error for the end of the file inside an array or object.
    func unclosed() -> Failure {
        guard let top = stack.last else { return failure(at: count, "unexpected end of the file") }
        let what = top.isObject ? "object" : "array"
        return failure(
            at: count,
            "the file ends inside the \(what) opened at line \(top.location.line), column \(top.location.column): a closing '\(top.isObject ? "}" : "]")' is missing"
        )
    }

    func failure(at offset: Int, _ message: String, mayBeBinary: Bool = false) -> Failure {
        Failure(location: location(of: offset), message: message, mayBeBinary: mayBeBinary)
    }

    /// The line and column of the byte at `offset`, counted when an error needs it: from the
    /// current line's start when the offset is on it, else from the start of the file.
    func location(of offset: Int) -> SourceLocation {
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

    static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
