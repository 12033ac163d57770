import Foundation
import Plot
import ZoneLabModel

/// A node of the report's body.
typealias BodyNode = Node<HTML.BodyContext>

/// Small helpers over Plot's DSL. Every string that can come from a scenario goes through
/// `text` (an escaped text node) or `attribute` (an escaped attribute value): Plot escapes
/// `<` and `>` in text but leaves `&name;` sequences and attribute values as they are.
enum Markup {
    /// The markup of `nodes`, one after the other.
    static func render(_ nodes: [BodyNode]) -> String { nodes.map { $0.render() }.joined() }

    /// Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR), removed.
    static func clean(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }

    /// A text node: `&` written as `&amp;` before Plot escapes `<` and `>`.
    static func text(_ s: String) -> BodyNode {
        .text(clean(s).replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// An attribute whose value is escaped for a double-quoted attribute.
    static func attribute(_ name: String, _ value: String) -> BodyNode {
        .attribute(named: name, value: escapeAttribute(value), ignoreIfValueIsEmpty: false)
    }

    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        for ch in clean(value) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// An element with children (attributes and nodes).
    static func element(_ name: String, _ nodes: [BodyNode]) -> BodyNode {
        .element(named: name, nodes: nodes)
    }

    /// An element with a class and children.
    static func element(_ name: String, class className: String, _ nodes: [BodyNode]) -> BodyNode {
        .element(named: name, nodes: [attribute("class", className)] + nodes)
    }

    /// A self-closed element (`<line …/>`), for SVG.
    static func empty(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
        .selfClosedElement(
            named: name,
            attributes: attributes.map {
                Attribute<HTML.BodyContext>(name: $0.0, value: escapeAttribute($0.1), ignoreIfValueIsEmpty: false)
            })
    }

    /// A table: a header row and body rows of cells.
    static func table(
        _ header: [String], _ rows: [[BodyNode]], class className: String = "data", numericColumns: Set<Int> = []
    ) -> BodyNode {
        element(
            "table", class: className,
            [
                element(
                    "thead",
                    [
                        element(
                            "tr",
                            header.enumerated().map { i, h in
                                element(
                                    "th", (numericColumns.contains(i) ? [attribute("class", "num")] : []) + [text(h)])
                            })
                    ]),
                element(
                    "tbody",
                    rows.map { row in
                        element(
                            "tr",
                            row.enumerated().map { i, cell in
                                element("td", (numericColumns.contains(i) ? [attribute("class", "num")] : []) + [cell])
                            })
                    }),
            ])
    }

    /// A small coloured label.
    static func badge(_ label: String, _ kind: String) -> BodyNode {
        element("span", class: "badge \(kind)", [text(label)])
    }

    /// A coordinate for SVG.
    static func coordinate(_ v: Double) -> String { String(format: "%.1f", v) }
}
