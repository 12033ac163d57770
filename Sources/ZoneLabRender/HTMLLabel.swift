/// The markup of a Graphviz HTML-like label (written `<…>` in DOT), built only from escaped
/// text and a few known tags, so scenario text can never inject markup.
public struct HTMLLabel: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The markup between the outer `<` and `>`.
    public let markup: String

    init(markup: String) {
        self.markup = markup
    }

    /// Plain text, escaped; a line break in it becomes `<BR/>`.
    public init(_ text: String) {
        markup = DOTEscaping.html(text)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// A line break; `align` sets how the line before it is justified.
    public static func lineBreak(align: HTMLAlign = .center) -> HTMLLabel {
        HTMLLabel(markup: align == .center ? "<BR/>" : "<BR ALIGN=\"\(align.rawValue)\"/>")
    }

    /// Labels one after the other.
    public static func + (lhs: HTMLLabel, rhs: HTMLLabel) -> HTMLLabel {
        HTMLLabel(markup: lhs.markup + rhs.markup)
    }

    /// Labels on lines of their own.
    public static func lines(_ parts: [HTMLLabel], align: HTMLAlign = .center) -> HTMLLabel {
        let separator = lineBreak(align: align).markup
        let joined = parts.map(\.markup).joined(separator: separator)
        // A final break justifies the last line too when it is not centred.
        return HTMLLabel(markup: align == .center || parts.isEmpty ? joined : joined + separator)
    }

    public var isEmpty: Bool { markup.isEmpty }

    /// In bold (Graphviz rejects empty elements, so empty stays empty).
    public func bold() -> HTMLLabel { isEmpty ? self : HTMLLabel(markup: "<B>\(markup)</B>") }

    /// In italics.
    public func italic() -> HTMLLabel { isEmpty ? self : HTMLLabel(markup: "<I>\(markup)</I>") }

    /// In another size, colour or face.
    public func font(size: Double? = nil, color: String? = nil, face: String? = nil) -> HTMLLabel {
        var attributes = ""
        if let size { attributes += " POINT-SIZE=\"\(DOTAttributes.number(size))\"" }
        if let color { attributes += " COLOR=\"\(DOTEscaping.html(color))\"" }
        if let face { attributes += " FACE=\"\(DOTEscaping.html(face))\"" }
        // Graphviz rejects an empty <FONT></FONT>.
        guard !attributes.isEmpty, !isEmpty else { return self }
        return HTMLLabel(markup: "<FONT\(attributes)>\(markup)</FONT>")
    }

    /// A table.
    public static func table(_ table: HTMLTable) -> HTMLLabel {
        HTMLLabel(markup: table.markup)
    }
}

/// Line justification in an HTML-like label.
public enum HTMLAlign: String, Sendable, Hashable {
    case left = "LEFT"
    case center = "CENTER"
    case right = "RIGHT"
}
