import ZoneLabModel

/// The graph-wide settings and title shared by the pictures.
enum PictureFrame {
    static func graph(name: String) -> DOTGraph {
        var graph = DOTGraph(name)
        graph.attributes = [
            "rankdir": "TB", "compound": "true", "newrank": "true", "splines": "spline",
            "nodesep": "0.22", "ranksep": "0.3", "pad": "0.3", "bgcolor": "white",
            "fontname": PictureStyle.font, "fontsize": "11", "outputorder": "edgesfirst",
            "charset": "UTF-8",
        ]
        graph.nodeDefaults = [
            "fontname": PictureStyle.font, "fontsize": "10", "fontcolor": PictureStyle.text,
        ]
        graph.edgeDefaults = [
            "fontname": PictureStyle.font, "fontsize": "8", "arrowsize": "0.7", "fontcolor": PictureStyle.text,
        ]
        return graph
    }

    /// The title, added last so clusters do not inherit its label.
    static func title(_ title: String, subtitle: String) -> DOTStatement {
        var a: DOTAttributes = ["labelloc": "t", "labeljust": "l", "fontsize": "16"]
        a["label"] = .html(
            HTMLLabel(title).bold().font(size: 18) + .lineBreak(align: .left)
                + HTMLLabel(subtitle).font(size: 10, color: PictureStyle.muted) + .lineBreak(align: .left))
        return .graphAttributes(a)
    }

    /// A legend node from rows of (key, explanation).
    static func legend(title: String, rows: [(HTMLLabel, HTMLLabel)], notes: [String] = []) -> DOTNode {
        var table = HTMLTable([
            .border(1), .cellborder(0), .cellspacing(2), .cellpadding(3), .color("#B0BEC5"), .bgcolor("white"),
        ])
        table.row([.init(HTMLLabel(title).bold().font(size: 11), [.colspan(2), .align(.left)])])
        for (key, text) in rows {
            table.row([.init(key, [.align(.center)]), .init(text.font(size: 9), [.align(.left)])])
        }
        for note in notes {
            table.row([
                .init(
                    PictureStyle.wrapped(note, width: 60).font(size: 8, color: PictureStyle.muted),
                    [.colspan(2), .align(.left)])
            ])
        }
        var a: DOTAttributes = ["shape": "plaintext", "margin": "0", "id": "legend"]
        a["label"] = .html(.table(table))
        return DOTNode("legend", a)
    }

    /// A coloured swatch of a line for the legend.
    static func lineSwatch(_ color: String, text: String = "━━━━") -> HTMLLabel {
        HTMLLabel(text).bold().font(size: 11, color: color)
    }
}
