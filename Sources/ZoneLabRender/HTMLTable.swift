/// A `<TABLE>` of an HTML-like label: rows of cells with escaped attribute values.
public struct HTMLTable: Sendable, Hashable {
    /// One `<TD>`.
    public struct Cell: Sendable, Hashable {
        public var content: HTMLLabel
        public var attributes: [Attribute]

        public init(_ content: HTMLLabel, _ attributes: [Attribute] = []) {
            self.content = content
            self.attributes = attributes
        }
    }

    /// A table or cell attribute such as `BGCOLOR` or `ALIGN`; the value is escaped.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        public static func bgcolor(_ color: String) -> Attribute { Attribute("BGCOLOR", color) }
        public static func color(_ color: String) -> Attribute { Attribute("COLOR", color) }
        public static func align(_ align: HTMLAlign) -> Attribute { Attribute("ALIGN", align.rawValue) }
        public static func colspan(_ n: Int) -> Attribute { Attribute("COLSPAN", String(n)) }
        public static func border(_ n: Int) -> Attribute { Attribute("BORDER", String(n)) }
        public static func cellborder(_ n: Int) -> Attribute { Attribute("CELLBORDER", String(n)) }
        public static func cellspacing(_ n: Int) -> Attribute { Attribute("CELLSPACING", String(n)) }
        public static func cellpadding(_ n: Int) -> Attribute { Attribute("CELLPADDING", String(n)) }
        public static func height(_ n: Int) -> Attribute { Attribute("HEIGHT", String(n)) }

        var markup: String {
            // Names come from this module; keep only letters in case one ever does not.
            let safeName = String(
                name.unicodeScalars.filter { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }.map(Character.init))
            return " \(safeName)=\"\(DOTEscaping.html(value))\""
        }
    }

    public var attributes: [Attribute]
    public var rows: [[Cell]]

    public init(_ attributes: [Attribute] = [], rows: [[Cell]] = []) {
        self.attributes = attributes
        self.rows = rows
    }

    /// Appends a row.
    public mutating func row(_ cells: [Cell]) {
        rows.append(cells)
    }

    var markup: String {
        var out = "<TABLE" + attributes.map(\.markup).joined() + ">"
        if !rows.contains(where: { !$0.isEmpty }) { out += "<TR><TD></TD></TR>" }
        for row in rows where !row.isEmpty {
            out += "<TR>"
            for cell in row {
                out += "<TD" + cell.attributes.map(\.markup).joined() + ">" + cell.content.markup + "</TD>"
            }
            out += "</TR>"
        }
        return out + "</TABLE>"
    }
}
