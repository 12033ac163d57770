import OrderedCollections
import ZoneLabModel

/// The zones picture: zones stacked by Purdue level with their SL-T and SL-A, assets by type,
/// critical assets and entries marked, conduits between zones coloured by their static SL gap
/// (and, with results, marked weak where the attacker's paths lean on them).
public enum ZonesPicture {
    /// The DOT of `scenario`; `evidence` adds each conduit's criticality for that attacker.
    public static func graph(
        _ scenario: Scenario, evidence: AttackEvidence? = nil, options: PictureOptions = .init()
    ) -> DOTGraph {
        let attackers = scenario.resolvedAttackers(calibration: scenario.calibration())
        let canvas = ZoneCanvas(scenario: scenario, options: options, entries: ZoneCanvas.entries(of: attackers))
        var graph = PictureFrame.graph(name: "zones")
        graph.statements += canvas.statements()
        for conduit in scenario.conduits.values {
            let assessment = ConduitAssessment(
                conduit, in: scenario, criticality: evidence.map { $0.criticality[conduit.id] ?? 0 },
                threshold: options.criticalityThreshold)
            graph.statements += conduitStatements(
                conduit, assessment: assessment, canvas: canvas, attacker: evidence?.attacker)
        }
        graph.statements += toolkitStatements(canvas: canvas)
        graph.add(legend(evidence: evidence, options: options))
        graph.statements += canvas.placeBelow("legend")
        let critical = scenario.assets.values.filter(\.critical).count
        var subtitle =
            "Zones and conduits · \(scenario.zones.count) zones · \(scenario.assets.count) assets (\(critical) critical) · \(scenario.conduits.count) conduits · stacked by Purdue level"
        if let evidence { subtitle += " · criticality for \(evidence.attacker)" }
        if canvas.collapsed { subtitle += " · large plant: zones drawn as single nodes" }
        graph.add(PictureFrame.title(scenario.name, subtitle: subtitle))
        return graph
    }

    /// A conduit as a labelled badge between its zones, joined to the upper zone's bottom and
    /// the lower zone's top: a node rather than an edge label, so labels do not stretch every
    /// rank of the picture.
    static func conduitStatements(
        _ conduit: Conduit, assessment: ConduitAssessment, canvas: ZoneCanvas, attacker: String?
    ) -> [DOTStatement] {
        let scenario = canvas.scenario
        guard conduit.zones.count == 2, scenario.zones[conduit.zones[0]] != nil, scenario.zones[conduit.zones[1]] != nil
        else { return [] }
        let o = orientation(conduit, in: scenario)
        let tail = canvas.zoneEnd(o.upper, top: o.sameLevel)
        let head = canvas.zoneEnd(o.lower, top: true)
        let badgeID = DOTEscaping.safeName("conduit", conduit.id)
        var badge: DOTAttributes = [
            "shape": "box", "style": "rounded,filled", "fillcolor": "white", "color": assessment.color,
            "penwidth": assessment.isWeak ? "2.2" : "1.2", "margin": "0.06,0.03", "id": badgeID,
        ]
        if conduit.channels?.isEmpty == true { badge.set("style", "rounded,filled,dashed") }
        badge["label"] = .html(label(conduit, assessment: assessment, scenario: scenario, attacker: attacker))
        badge["tooltip"] = .label(conduit.name)
        var line: DOTAttributes = [
            "color": assessment.color, "penwidth": assessment.isWeak ? "2.6" : "1.6",
            "arrowhead": "none", "arrowtail": "none", "dir": "both",
        ]
        if o.sameLevel { line.set("constraint", "false") }
        if conduit.channels?.isEmpty == true { line.set("style", "dashed") }
        var upper = line
        var lower = line
        upper.set("id", badgeID + "_upper")
        lower.set("id", badgeID + "_lower")
        if let c = tail.cluster { upper.set("ltail", c) }
        if let c = head.cluster { lower.set("lhead", c) }
        // Arrows show where traffic may go: both ways, or one way through a data diode.
        switch conduit.direction {
        case .both:
            upper.set("arrowtail", "normal")
            lower.set("arrowhead", "normal")
        case .forward:
            if o.reversed { upper.set("arrowtail", "normal") } else { lower.set("arrowhead", "normal") }
            upper.set("color", "#1565C0")
            lower.set("color", "#1565C0")
        }
        return [
            .node(DOTNode(badgeID, badge)),
            .edge(DOTEdge(tail.node, badgeID, upper)),
            .edge(DOTEdge(badgeID, head.node, lower)),
        ]
    }

    /// How a conduit is drawn: which zone is above, and whether that reverses `zones`.
    struct Orientation {
        var upper: String
        var lower: String
        /// `zones[1]` is drawn above `zones[0]`.
        var reversed: Bool
        var sameLevel: Bool
    }

    /// Which zone is drawn above: the higher Purdue level (file order when equal or unknown).
    static func orientation(_ conduit: Conduit, in scenario: Scenario) -> Orientation {
        let z0 = conduit.zones[0]
        let z1 = conduit.zones[1]
        guard let l0 = scenario.zones[z0]?.level, let l1 = scenario.zones[z1]?.level else {
            return Orientation(upper: z0, lower: z1, reversed: false, sameLevel: false)
        }
        if l0 == l1 { return Orientation(upper: z0, lower: z1, reversed: false, sameLevel: true) }
        return l0 > l1
            ? Orientation(upper: z0, lower: z1, reversed: false, sameLevel: false)
            : Orientation(upper: z1, lower: z0, reversed: true, sameLevel: false)
    }

    static func label(_ conduit: Conduit, assessment: ConduitAssessment, scenario: Scenario, attacker: String?)
        -> HTMLLabel
    {
        var lines: [HTMLLabel] = [PictureStyle.wrapped(conduit.name, width: 30).bold().font(size: 8.5)]
        var idLine = conduit.id
        if let channels = conduit.channels {
            idLine +=
                channels.isEmpty
                ? " · no flow allowed" : " · \(channels.count) channel\(channels.count == 1 ? "" : "s")"
        } else {
            idLine += " · any flow"
        }
        lines.append(HTMLLabel(idLine).font(size: 7.5, color: PictureStyle.muted))
        lines.append(
            HTMLLabel(SLLabels.conduitLevels(achieved: conduit.slAchieved, target: scenario.slTarget(of: conduit)))
                .font(size: 7.5, color: PictureStyle.text))
        let gap = PictureStyle.wrapped(assessment.gapText, width: 30).font(
            size: 8, color: PictureStyle.gapColor(assessment.maxGap))
        lines.append(assessment.maxGap > 0 ? gap.bold() : gap)
        if let criticality = assessment.criticality {
            let text = HTMLLabel(
                "criticality \(Formatting.percent(criticality))" + (attacker.map { " (\($0))" } ?? "")
            )
            .font(size: 8, color: assessment.isCritical ? PictureStyle.critical : PictureStyle.muted)
            lines.append(assessment.isCritical ? text.bold() : text)
        }
        if conduit.direction == .forward {
            let from = scenario.zones[conduit.zones[0]]?.id ?? conduit.zones[0]
            let to = scenario.zones[conduit.zones[1]]?.id ?? conduit.zones[1]
            lines.append(HTMLLabel("DATA DIODE: one-way \(from) → \(to)").bold().font(size: 8, color: "#1565C0"))
        }
        return HTMLLabel.lines(lines)
    }

    static func legend(evidence: AttackEvidence?, options: PictureOptions) -> DOTNode {
        var rows: [(HTMLLabel, HTMLLabel)] = [
            (PictureFrame.lineSwatch(PictureStyle.gapColor(0)), "conduit meets its SL-T"),
            (PictureFrame.lineSwatch(PictureStyle.gapColor(1)), "conduit SL-A 1 below SL-T on some FR"),
            (
                PictureFrame.lineSwatch(PictureStyle.gapColor(2)),
                HTMLLabel(
                    evidence == nil
                        ? "weak: SL-A 2 or more below SL-T"
                        : "weak: gap of 2 or more, or criticality ≥ \(Formatting.percent(options.criticalityThreshold))"
                )
            ),
            (PictureFrame.lineSwatch("#1565C0", text: "━━━▶"), "data diode (one-way); ◀━▶ two-way conduit"),
            (HTMLLabel("A/T").bold().font(size: 9), "conduit SL-A/SL-T per FR it names"),
            (HTMLLabel("2").bold().font(size: 9), HTMLLabel("zone SL-A cell tinted: below SL-T")),
            (HTMLLabel("CRITICAL").bold().font(size: 8, color: PictureStyle.critical), "critical asset (red border)"),
            (HTMLLabel("ENTRY").bold().font(size: 8), "where attackers start"),
        ]
        for shape in AssetShape.allCases {
            rows.append(
                (HTMLLabel(shape.graphvizShape).font(size: 8, color: PictureStyle.muted), HTMLLabel(shape.legend)))
        }
        return PictureFrame.legend(title: "Legend", rows: rows)
    }
}
