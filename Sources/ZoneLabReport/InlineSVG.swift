import Foundation

/// Graphviz SVG made ready to sit inside an HTML page: the XML declaration, DOCTYPE and
/// comments before the `<svg>` element removed, the width and height in points replaced by the
/// viewBox's size in CSS pixels (one pixel per point: the natural size, at which the text is
/// legible; the page's script and print styles rescale it), and ids prefixed so several pictures
/// on one page do not clash. Graphviz escapes the text it writes, so the markup itself is
/// embedded as it is.
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
            if let (width, height) = viewBoxSize(root) {
                root += " width=\"\(Markup.coordinate(width))\" height=\"\(Markup.coordinate(height))\""
            }
            body = root + " class=\"graphviz\" role=\"img\"" + body[rootEnd...]
        }
        return
            body
            .replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(idPrefix)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(idPrefix)-")
    }

    /// The width and height of the `viewBox` of a root tag, when it has a positive one.
    static func viewBoxSize(_ tag: String) -> (Double, Double)? {
        guard let range = tag.range(of: " viewBox=\"") else { return nil }
        guard let close = tag[range.upperBound...].firstIndex(of: "\"") else { return nil }
        let numbers = tag[range.upperBound..<close].split(whereSeparator: { $0 == " " || $0 == "," }).compactMap {
            Double($0)
        }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        return (numbers[2], numbers[3])
    }

    static func removingAttribute(_ name: String, from tag: String) -> String {
        guard let range = tag.range(of: " \(name)=\"") else { return tag }
        guard let close = tag[range.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<range.lowerBound]) + String(tag[tag.index(after: close)...])
    }
}
