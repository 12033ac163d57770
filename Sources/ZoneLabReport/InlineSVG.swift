import Foundation

/// Graphviz SVG made ready to sit inside an HTML page: the XML declaration, DOCTYPE and
/// comments before the `<svg>` element removed, fixed width and height dropped (the viewBox
/// stays, so CSS scales it), and ids prefixed so several pictures on one page do not clash.
/// Graphviz escapes the text it writes, so the markup itself is embedded as it is.
enum InlineSVG {
    static func prepare(_ svg: String, idPrefix: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        var body = String(svg[start.lowerBound...])
        if let end = body.range(of: "</svg>", options: .backwards) {
            body = String(body[..<end.upperBound])
        }
        // The root element's own width/height (in pt) would pin the picture's size.
        if let rootEnd = body.firstIndex(of: ">") {
            var root = String(body[..<rootEnd])
            root = removingAttribute("width", from: root)
            root = removingAttribute("height", from: root)
            body = root + " class=\"graphviz\" role=\"img\"" + body[rootEnd...]
        }
        return
            body
            .replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(idPrefix)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(idPrefix)-")
    }

    static func removingAttribute(_ name: String, from tag: String) -> String {
        guard let range = tag.range(of: " \(name)=\"") else { return tag }
        guard let close = tag[range.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<range.lowerBound]) + String(tag[tag.index(after: close)...])
    }
}
