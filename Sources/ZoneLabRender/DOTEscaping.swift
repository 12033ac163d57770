/// Escaping of scenario text for the three places it can go in DOT. Scenario ids and names are
/// user input: nothing from a scenario reaches the DOT text without passing through here.
public enum DOTEscaping {
    /// A double-quoted DOT ID (node names, attribute values such as colours).
    ///
    /// Graphviz keeps backslash sequences in names verbatim, so only what would end or break
    /// the string is escaped: `"` and `\` get a backslash, line breaks become `\n` and `\r`,
    /// other control characters `\xHH` (NUL cannot reach a C string at all).
    public static func quotedID(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isControl(scalar) {
                    out += "\\x" + hex2(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A double-quoted label (an escString): `\` and `"` escaped, line breaks as `\n` (centred
    /// lines), `&` as `&amp;` (Graphviz decodes entities in labels), everything outside
    /// printable ASCII as a numeric character reference, so the DOT text itself is pure ASCII.
    public static func quotedLabel(_ text: String) -> String {
        "\"" + entityEscaped(text, labelSpecial) + "\""
    }

    static let labelSpecial: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": " ", "\t": " ", "&": "&amp;",
    ]

    /// Text inside an HTML-like label `<…>`: `& < > " '` as entities, `\` doubled (Graphviz
    /// expands `\N`, `\G`... in HTML text too), line breaks as `<BR/>`, everything outside
    /// printable ASCII as a numeric character reference.
    public static func html(_ text: String) -> String {
        entityEscaped(text, htmlSpecial)
    }

    static let htmlSpecial: [Unicode.Scalar: String] = [
        "\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\n": "<BR/>",
        "\r": " ", "\t": " ",
    ]

    /// `text` with the scalars of `special` replaced, other control characters dropped, other
    /// ASCII kept and everything else as a numeric character reference (pure-ASCII output).
    static func entityEscaped(_ text: String, _ special: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = special[scalar] {
                out += replacement
            } else if isControl(scalar) {
                continue
            } else if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&#\(scalar.value);"
            }
        }
        return out
    }

    /// A node or cluster name built from a kind and a model id, safe in any DOT or SVG context:
    /// letters, digits, `_` and `-` stay, every other byte of the UTF-8 becomes `.HH`. Distinct
    /// ids give distinct names (`.` itself is encoded).
    public static func safeName(_ kind: String, _ id: String) -> String {
        var out = kind + "_"
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "." + hex2(UInt32(byte))
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }

    static func hex2(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }
}
