/// Numbers, strings with their escapes, literals, and the errors about them.
extension JSONReader {
    // MARK: Scalars

    mutating func scalar() throws(Failure) -> DocumentNode {
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
    func matches(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: n)
        for i in 0..<n where bytes[pos + i] != expected[i] { return false }
        return pos + n == count || !isWordByte(Int(bytes[pos + n]))
    }

    /// The error for a byte that cannot start a value.
    func valueExpected() -> Failure {
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

    static let nonFinite: Set<String> = [
        "NaN", "nan", "Infinity", "infinity", "inf", "-Infinity", "-infinity", "-inf", "+Infinity", "+inf",
        ".nan", ".NaN", ".inf", ".Inf", "-.inf", "-.Inf", "+.inf", "+.Inf",
    ]

    func nonFiniteNumber(_ word: String, at start: Int) -> Failure {
        failure(at: start, "'\(word)' is not a JSON number: JSON has no NaN or Infinity")
    }

    /// The error for a bare word in place of a value.
    func unexpectedWord(at start: Int) -> Failure {
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
    mutating func number() throws(Failure) -> String {
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
    mutating func string() throws(Failure) -> String {
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
    mutating func escape(at i: inout Int) throws(Failure) {
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
    func hex4(at i: Int) -> UInt32? {
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

    mutating func appendUTF8(_ scalar: UInt32) {
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
    func utf8Length(at i: Int) throws(Failure) -> Int {
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

    func invalidUTF8(at i: Int) -> Failure {
        failure(
            at: i,
            "not a UTF-8 text file: invalid byte \(Self.hex(bytes[i])) at byte \(i) (is it binary, or in another encoding?)",
            mayBeBinary: true)
    }

    func controlCharacter(_ b: UInt8, at i: Int) -> Failure {
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
}
