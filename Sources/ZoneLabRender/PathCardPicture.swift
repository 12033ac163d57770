import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

/// A path card as a small left-to-right picture, readable on a slide: large type, one box per
/// stage (the entry, each conduit passed, each asset taken), each saying what its steps used
/// and their ATT&CK for ICS techniques; the title gives the share of the target's compromises
/// the path carries. Longer paths keep their first and last stages around one "… more steps"
/// box, so a card is never more than `maxStages` boxes wide.
public enum PathCardPicture {
    /// Most boxes in a row.
    public static let maxStages = 8

    public static func graph(_ card: PathCard, scenario: Scenario) -> DOTGraph {
        var graph = DOTGraph("path_card")
        graph.attributes = [
            "rankdir": "LR", "nodesep": "0.25", "ranksep": "0.35", "pad": "0.2", "bgcolor": "white",
            "fontname": PictureStyle.font, "fontsize": "14", "labelloc": "t", "labeljust": "l", "charset": "UTF-8",
            "splines": "spline",
        ]
        graph.nodeDefaults = ["fontname": PictureStyle.font, "fontsize": "14", "fontcolor": PictureStyle.text]
        graph.edgeDefaults = ["color": PictureStyle.path, "penwidth": "2", "arrowsize": "0.9"]
        let shown = shownStages(card.stages)
        for (position, entry) in shown.enumerated() {
            switch entry {
            case .stage(let i):
                graph.add(node(card.stages[i], index: i, isTarget: i == card.stages.count - 1, scenario: scenario))
            case .elided(let count):
                var a: DOTAttributes = ["shape": "plaintext", "id": "elided"]
                a["label"] = .html(
                    HTMLLabel("… \(count) more steps …").italic().font(size: 14, color: PictureStyle.muted))
                graph.add(DOTNode("elided", a))
            }
            guard position > 0 else { continue }
            let head = name(of: entry)
            if case .stage(let i) = entry, card.stages[i].startsBranch { continue }
            graph.add(DOTEdge(name(of: shown[position - 1]), head, ["id": "step-\(position)"]))
        }
        let drawn = Set(shown.compactMap { if case .stage(let i) = $0 { i } else { nil } })
        for (i, stage) in card.stages.enumerated() {
            guard let from = stage.joins, drawn.contains(i), drawn.contains(from) else { continue }
            var a: DOTAttributes = [
                "style": "dashed", "color": ZonesPicture.credentialColor, "fontcolor": ZonesPicture.credentialColor,
                "fontsize": "12", "constraint": "false", "id": "uses-\(i)",
            ]
            a["label"] = .label("used")
            graph.add(DOTEdge("stage_\(from)", "stage_\(i)", a))
        }
        graph.add(title(card, scenario: scenario))
        return graph
    }

    /// A stage drawn, or the box standing for the stages left out.
    enum Shown: Hashable {
        case stage(Int)
        case elided(Int)
    }

    /// Every stage when they fit; else the first three, a box for the rest, and the last four.
    static func shownStages(_ stages: [PathStage]) -> [Shown] {
        guard stages.count > maxStages else { return stages.indices.map { .stage($0) } }
        let head = 3
        let tail = maxStages - head - 1
        return (0..<head).map { .stage($0) } + [.elided(stages.count - head - tail)]
            + ((stages.count - tail)..<stages.count).map { .stage($0) }
    }

    static func name(of shown: Shown) -> String {
        switch shown {
        case .stage(let i): "stage_\(i)"
        case .elided: "elided"
        }
    }

    static func node(_ stage: PathStage, index: Int, isTarget: Bool, scenario: Scenario) -> DOTNode {
        var lines: [HTMLLabel] = [PictureStyle.wrapped(stage.title, width: 18).bold().font(size: 15)]
        if let detail = stage.detail {
            lines.append(PictureStyle.wrapped(detail, width: 22).font(size: 12, color: PictureStyle.muted))
        }
        for used in stage.used {
            lines.append(PictureStyle.wrapped(used, width: 22).bold().font(size: 13, color: PictureStyle.critical))
        }
        if !stage.techniques.isEmpty {
            let named = stage.techniques.map { id in
                AttackTechnique(id).name.map { "\(id) \($0)" } ?? id
            }
            for technique in named {
                lines.append(PictureStyle.wrapped(technique, width: 22).font(size: 12, color: "#1565C0"))
            }
        }
        var a: DOTAttributes = ["margin": "0.12,0.06", "id": "stage-\(index)"]
        switch stage.kind {
        case .start:
            a = a.merging(["shape": "cds", "style": "filled", "fillcolor": "#ECEFF1", "color": PictureStyle.entry])
        case .media:
            a = a.merging(["shape": "cds", "style": "filled", "fillcolor": "#E0F2F1", "color": "#00695C"])
        case .conduit:
            a = a.merging(["shape": "box", "style": "rounded,filled", "fillcolor": "white", "color": PictureStyle.path])
        case .zone:
            let level = scenario.zones[stage.id]?.level
            a = a.merging([
                "shape": "box", "style": "rounded,filled,dashed", "fillcolor": PictureStyle.levelFill(level),
                "color": PictureStyle.clusterBorder,
            ])
        case .credential:
            a = a.merging([
                "shape": "note", "style": "filled", "fillcolor": "#FFF8E1", "color": ZonesPicture.credentialColor,
            ])
        case .asset:
            let shape = AssetShape(type: scenario.assets[stage.id]?.type)
            a = a.merging(["shape": shape.graphvizShape, "style": "filled", "fillcolor": "white", "color": "#546E7A"])
        }
        if isTarget {
            a.set("color", PictureStyle.critical)
            a.set("penwidth", 3)
        }
        a["label"] = .html(HTMLLabel.lines(lines))
        a["tooltip"] = .label(stage.title)
        return DOTNode("stage_\(index)", a)
    }

    /// The card's title: the target and the share of its compromises per attacker.
    static func title(_ card: PathCard, scenario: Scenario) -> DOTStatement {
        let target = scenario.assets[card.target]?.name ?? scenario.zones[card.target]?.name ?? card.target
        let shares = card.takers.map { "\($0.attacker) \(Formatting.percent($0.share))" }
        var a: DOTAttributes = [:]
        a["label"] = .html(
            PictureStyle.wrapped(target, width: 60, align: .left).bold().font(size: 17)
                + HTMLLabel("this path: \(Formatting.percent(card.share)) of its compromises").bold().font(
                    size: 14, color: PictureStyle.critical)
                + HTMLLabel(" (per attacker: \(shares.joined(separator: ", ")))").font(
                    size: 13, color: PictureStyle.muted)
                + .lineBreak(align: .left))
        return .graphAttributes(a)
    }
}

extension DOTAttributes {
    /// These attributes with `other`'s set over them.
    func merging(_ other: DOTAttributes) -> DOTAttributes {
        var result = self
        for entry in other.entries { result[entry.name] = entry.value }
        return result
    }
}
