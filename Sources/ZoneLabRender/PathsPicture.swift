import OrderedCollections
import ZoneLabModel

/// The paths picture: the top paths of one attacker over all targets, drawn on the zones they
/// touch. Only what some drawn path touches is drawn: its zones (as clusters, stacked by Purdue
/// level), the assets it takes and the conduits it crosses. A path crossing a conduit runs
/// through the conduit's badge, so the routes through one conduit bundle there; line width is
/// the share of compromises that took the line.
public enum PathsPicture {
    public static func graph(
        _ scenario: Scenario, evidence: AttackEvidence, options: PictureOptions = .init()
    ) -> DOTGraph {
        let flow = PathFlow(evidence, scenario: scenario)
        let attackers = scenario.resolvedAttackers(calibration: scenario.calibration())
        let entryIDs = attackers.first { $0.id == evidence.attacker }?.entry ?? scenario.entry
        let entries = Dictionary(entryIDs.map { ($0, [evidence.attacker]) }, uniquingKeysWith: { a, _ in a })
        let shown = onPaths(scenario, flow: flow, entries: entryIDs)
        var notes: [String: String] = [:]
        for target in evidence.targets {
            notes[target.id] = "P(compromise) \(Formatting.percent(target.probability))"
        }
        // Few assets lie on paths: they are always drawn in full, inside their zones.
        var options = options
        options.collapseAbove = .max
        let canvas = ZoneCanvas(
            scenario: shown, options: options, entries: entries, notes: notes, emptyZoneNote: "no asset taken")
        var graph = PictureFrame.graph(name: "paths")
        graph.statements += canvas.statements()
        for conduit in shown.conduits.values {
            graph.statements += conduitStatements(conduit, flow: flow, canvas: canvas)
        }
        graph.statements += hopStatements(flow, canvas: canvas)
        graph.add(legend(evidence, scenario: scenario, flow: flow, shown: shown))
        graph.statements += canvas.placeBelow("legend")
        var subtitle = "Attack paths of \(evidence.attacker)"
        if let c = evidence.capability { subtitle += " (capability \(c))" }
        subtitle +=
            " · top \(maxPaths(evidence)) paths per target over \(evidence.targets.count) targets · \(Formatting.count(evidence.trials)) trials"
        subtitle += " · only the zones, assets and conduits on these paths"
        graph.add(PictureFrame.title(scenario.name, subtitle: subtitle))
        return graph
    }

    /// The part of the plant the drawn paths touch: their zones, assets and conduits; with no
    /// path at all, the attacker's entries, so the picture still says where attacks start.
    static func onPaths(_ scenario: Scenario, flow: PathFlow, entries: [String]) -> Scenario {
        var zones = flow.zones
        var assets = flow.assets
        if flow.hops.isEmpty {
            for id in entries {
                if let zone = scenario.zone(of: id) { zones.insert(zone) }
                if scenario.assets[id] != nil { assets.insert(id) }
            }
        }
        return scenario.keeping(zones: zones, assets: assets, conduits: flow.conduits)
    }

    static func maxPaths(_ evidence: AttackEvidence) -> Int {
        evidence.targets.map(\.paths.count).max() ?? 0
    }

    static func badge(_ conduit: String) -> String { DOTEscaping.safeName("conduit", conduit) }

    /// A conduit's badge between its zones, with the share of compromises crossing it.
    /// Invisible edges to the zones keep it between them.
    static func conduitStatements(_ conduit: Conduit, flow: PathFlow, canvas: ZoneCanvas) -> [DOTStatement] {
        let scenario = canvas.scenario
        guard conduit.zones.count == 2, scenario.zones[conduit.zones[0]] != nil, scenario.zones[conduit.zones[1]] != nil
        else { return [] }
        let o = ZonesPicture.orientation(conduit, in: scenario)
        let tail = canvas.zoneEnd(o.upper, top: o.sameLevel)
        let head = canvas.zoneEnd(o.lower, top: true)
        let id = badge(conduit.id)
        var a: DOTAttributes = [
            "shape": "box", "style": "rounded,filled", "margin": "0.06,0.03", "id": id,
            "fillcolor": "white", "color": PictureStyle.path, "penwidth": "2",
        ]
        let share = flow.share(flow.conduitCounts[conduit.id] ?? 0)
        let assessment = ConduitAssessment(conduit, in: scenario)
        a["label"] = .html(
            HTMLLabel.lines([
                PictureStyle.wrapped(conduit.name, width: 30).bold().font(size: 8.5),
                HTMLLabel(conduit.id).font(size: 7.5, color: PictureStyle.muted),
                HTMLLabel("crossed in \(Formatting.percent(share)) of compromises").bold().font(
                    size: 8.5, color: PictureStyle.path),
                PictureStyle.wrapped(assessment.gapText, width: 30).font(
                    size: 7.5, color: PictureStyle.gapColor(assessment.maxGap)),
            ]))
        a["tooltip"] = .label(conduit.name)
        var line: DOTAttributes = ["style": "invis", "arrowhead": "none", "arrowtail": "none", "dir": "both"]
        if o.sameLevel { line.set("constraint", "false") }
        var upper = line
        var lower = line
        if let c = tail.cluster { upper.set("ltail", c) }
        if let c = head.cluster { lower.set("lhead", c) }
        return [.node(DOTNode(id, a)), .edge(DOTEdge(tail.node, id, upper)), .edge(DOTEdge(id, head.node, lower))]
    }

    /// One drawn line: its ends, where its arrow is, and the compromises that took it.
    struct Segment: Hashable {
        var tail: String
        var head: String
        var tailCluster: String?
        var headCluster: String?
        /// The arrow points at the head (else at the tail: an upward move drawn top-down).
        var arrowAtHead: Bool
        var arrowAtTail: Bool
        var inZone: Bool
        var constraint: Bool
    }

    /// The hops as lines: through a conduit as two segments meeting at its badge (drawn from the
    /// upper zone's side to the lower's, the arrow where the attack went), inside a zone as one
    /// line. Segments shared by several hops are drawn once, as wide as their sum.
    static func hopStatements(_ flow: PathFlow, canvas: ZoneCanvas) -> [DOTStatement] {
        let scenario = canvas.scenario
        var counts: [Segment: Int] = [:]
        var order: [Segment] = []
        func add(_ s: Segment, _ n: Int) {
            if counts[s] == nil { order.append(s) }
            counts[s, default: 0] += n
        }
        for weighted in flow.hops {
            let hop = weighted.hop
            if let c = hop.conduit, let conduit = scenario.conduits[c], conduit.zones.count == 2 {
                let o = ZonesPicture.orientation(conduit, in: scenario)
                let fromZone = zone(of: hop.from, scenario)
                let downward = fromZone != o.lower || o.upper == o.lower
                let upperEnd = downward ? hop.from : hop.to
                let lowerEnd = downward ? hop.to : hop.from
                let upper = canvas.node(for: upperEnd, facing: canvas.level(of: lowerEnd).map { $0 - 1 } ?? -1)
                let lower = canvas.node(for: lowerEnd, facing: canvas.level(of: upperEnd).map { $0 + 1 } ?? 99)
                let id = badge(c)
                add(
                    Segment(
                        tail: upper.node, head: id, tailCluster: upper.cluster, headCluster: nil,
                        arrowAtHead: false, arrowAtTail: !downward, inZone: false, constraint: !o.sameLevel),
                    weighted.count)
                add(
                    Segment(
                        tail: id, head: lower.node, tailCluster: nil, headCluster: lower.cluster,
                        arrowAtHead: downward, arrowAtTail: false, inZone: false, constraint: !o.sameLevel),
                    weighted.count)
            } else {
                let tail = canvas.node(for: hop.from, facing: canvas.level(of: hop.to))
                let head = canvas.node(for: hop.to, facing: canvas.level(of: hop.from))
                // Inside one zone there is no border to clip at.
                let sameZone = zone(of: hop.from, scenario) == zone(of: hop.to, scenario)
                add(
                    Segment(
                        tail: tail.node, head: head.node, tailCluster: sameZone ? nil : tail.cluster,
                        headCluster: sameZone ? nil : head.cluster,
                        arrowAtHead: true, arrowAtTail: false, inZone: true, constraint: false), weighted.count)
            }
        }
        return order.enumerated().map { i, s in
            let share = min(1, flow.share(counts[s]!))
            let color = s.inZone ? PictureStyle.pathInZone : PictureStyle.path
            var a: DOTAttributes = ["color": color, "dir": "both", "id": "path-\(i + 1)"]
            a.set("penwidth", 1.2 + 7 * share)
            a.set("arrowsize", 0.5 + 0.5 * share)
            a.set("arrowhead", s.arrowAtHead ? "normal" : "none")
            a.set("arrowtail", s.arrowAtTail ? "normal" : "none")
            if !s.constraint { a.set("constraint", "false") }
            if let c = s.tailCluster, s.tailCluster != s.headCluster { a.set("ltail", c) }
            if let c = s.headCluster, s.tailCluster != s.headCluster { a.set("lhead", c) }
            a["tooltip"] = .label("\(Formatting.count(counts[s]!)) compromises (\(Formatting.percent(share)))")
            return .edge(DOTEdge(s.tail, s.head, a))
        }
    }

    static func zone(of end: PathEnd, _ scenario: Scenario) -> String? {
        switch end {
        case .asset(let a): scenario.assets[a]?.zone
        case .zone(let z): z
        }
    }

    static func legend(_ evidence: AttackEvidence, scenario: Scenario, flow: PathFlow, shown: Scenario) -> DOTNode {
        var table = HTMLTable([
            .border(1), .cellborder(0), .cellspacing(2), .cellpadding(3), .color("#B0BEC5"), .bgcolor("white"),
        ])
        var title = "Attacker \(evidence.attacker)"
        if let c = evidence.capability { title += " · capability \(c)" }
        if let h = evidence.horizonHours { title += " · horizon \(Formatting.duration(hours: h))" }
        table.row([.init(HTMLLabel(title).bold().font(size: 11), [.colspan(3), .align(.left)])])
        var run = "\(Formatting.count(evidence.trials)) trials"
        if let seed = evidence.seed { run += " · seed \(seed)" }
        run += " · top \(maxPaths(evidence)) paths per target"
        table.row([.init(HTMLLabel(run).font(size: 8, color: PictureStyle.muted), [.colspan(3), .align(.left)])])
        table.row([
            .init(HTMLLabel("target").bold().font(size: 8), [.align(.left)]),
            .init(HTMLLabel("P(compromise)").bold().font(size: 8), [.align(.right)]),
            .init(HTMLLabel("on drawn paths").bold().font(size: 8), [.align(.right)]),
        ])
        for target in evidence.targets {
            let name = scenario.assets[target.id]?.name ?? scenario.zones[target.id]?.name ?? target.id
            let drawn = target.paths.reduce(0) { $0 + $1.count }
            let covered =
                target.compromised > 0 ? Formatting.percent(Double(drawn) / Double(target.compromised)) : "-"
            let over = target.probability > scenario.tolerable
            table.row([
                .init(PictureStyle.wrapped("\(target.id): \(name)", width: 44).font(size: 8), [.align(.left)]),
                .init(
                    (over
                        ? HTMLLabel(Formatting.percent(target.probability)).bold()
                        : HTMLLabel(Formatting.percent(target.probability)))
                        .font(size: 8, color: over ? PictureStyle.critical : PictureStyle.text), [.align(.right)]),
                .init(HTMLLabel(covered).font(size: 8), [.align(.right)]),
            ])
        }
        let key: [(HTMLLabel, String)] = [
            (PictureFrame.lineSwatch(PictureStyle.path), "through a conduit (red badge: share crossing it)"),
            (PictureFrame.lineSwatch(PictureStyle.pathInZone), "inside a zone: exploit or lateral move"),
        ]
        for (swatch, text) in key {
            table.row([
                .init(swatch, [.align(.center)]), .init(HTMLLabel(text).font(size: 8), [.colspan(2), .align(.left)]),
            ])
        }
        var notes = [
            "Line width = share of all compromises of \(evidence.attacker) (counted per trial and target) whose path takes the line. P in red exceeds the tolerable \(Formatting.percent(scenario.tolerable))."
        ]
        let hidden = (scenario.zones.count - shown.zones.count, scenario.conduits.count - shown.conduits.count)
        if hidden.0 > 0 || hidden.1 > 0 {
            notes.append(
                "Only what the drawn paths touch is shown: \(Formatting.count(hidden.0)) zone(s) and \(Formatting.count(hidden.1)) conduit(s) of the plant lie on none of them."
            )
        }
        if evidence.totalCompromised == 0 {
            notes.append("No target was compromised within the horizon: no path to draw.")
        }
        if flow.unplacedEdges > 0 {
            notes.append("\(flow.unplacedEdges) step(s) of the results do not match this scenario and are not drawn.")
        }
        for note in notes {
            table.row([
                .init(
                    PictureStyle.wrapped(note, width: 64).font(size: 8, color: PictureStyle.muted),
                    [.colspan(3), .align(.left)])
            ])
        }
        var a: DOTAttributes = ["shape": "plaintext", "margin": "0", "id": "legend"]
        a["label"] = .html(.table(table))
        return DOTNode("legend", a)
    }
}
