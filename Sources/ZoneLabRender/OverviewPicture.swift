import OrderedCollections
import ZoneLabModel

/// The overview of a large plant: one box per Purdue level with its zones, assets and critical
/// assets counted, and one line per pair of levels standing for all the conduits between them,
/// with their number; a line with a weak conduit in it (a static gap of 2 or more, or carrying at
/// least 25% of the attacker's compromises) is red. Drill-down pictures (`drillDown`) show the
/// zones of one site or level in full.
public enum OverviewPicture {
    /// Plants with more zones than this get the overview instead of the zones picture.
    public static let zoneLimit = 12

    /// Whether a plant is large enough for the overview.
    public static func isLarge(_ scenario: Scenario) -> Bool { scenario.zones.count > zoneLimit }

    /// The conduits between two groups (or inside one, `a == b`).
    public struct Bundle: Sendable, Hashable {
        /// Indices into the groups, the upper first.
        public var a: Int
        public var b: Int
        public var conduits: [String]
        public var weak: Int
        /// The largest static gap among them.
        public var maxGap: Int
    }

    /// The conduits per pair of groups, in the order first met in the file; conduits whose
    /// zones are not both in a group are left out.
    /// - Complexity: O(zones + conduits).
    public static func bundles(
        _ scenario: Scenario, groups: [ZoneGroup], evidence: AttackEvidence?, options: PictureOptions = .init()
    ) -> [Bundle] {
        var groupOf: [String: Int] = [:]
        for (g, group) in groups.enumerated() { for zone in group.zones { groupOf[zone] = g } }
        var bundles: OrderedDictionary<[Int], Bundle> = [:]
        for conduit in scenario.conduits.values where conduit.zones.count == 2 {
            guard let g0 = groupOf[conduit.zones[0]], let g1 = groupOf[conduit.zones[1]] else { continue }
            let key = [min(g0, g1), max(g0, g1)]
            let assessment = ConduitAssessment(
                conduit, in: scenario, criticality: evidence.map { $0.criticality[conduit.id] ?? 0 },
                threshold: options.criticalityThreshold)
            var bundle = bundles[key] ?? Bundle(a: key[0], b: key[1], conduits: [], weak: 0, maxGap: 0)
            bundle.conduits.append(conduit.id)
            if assessment.isWeak { bundle.weak += 1 }
            bundle.maxGap = max(bundle.maxGap, assessment.maxGap)
            bundles[key] = bundle
        }
        return Array(bundles.values)
    }

    /// The overview DOT: groups by Purdue level; `evidence` adds criticality to what is weak and
    /// the worst P of the targets in each group.
    public static func graph(
        _ scenario: Scenario, evidence: AttackEvidence? = nil, options: PictureOptions = .init()
    ) -> DOTGraph {
        let groups = ZoneGroup.byLevel(scenario)
        let bundles = bundles(scenario, groups: groups, evidence: evidence, options: options)
        var graph = PictureFrame.graph(name: "overview")
        graph.attributes.set("ranksep", "0.6")
        graph.attributes.set("nodesep", "0.5")
        let attackers = scenario.resolvedAttackers(calibration: scenario.calibration())
        let entries = ZoneCanvas.entries(of: attackers)
        for (g, group) in groups.enumerated() {
            let inside = bundles.first { $0.a == g && $0.b == g }
            graph.add(
                groupNode(group, index: g, scenario: scenario, inside: inside, entries: entries, evidence: evidence))
            // Levels stacked in order, whatever the conduits say.
            if g + 1 < groups.count {
                graph.add(DOTEdge(node(g), node(g + 1), ["style": "invis", "weight": "0"]))
            }
        }
        for bundle in bundles where bundle.a != bundle.b {
            var a: DOTAttributes = [
                "dir": "none", "id": "bundle_\(groups[bundle.a].id)_\(groups[bundle.b].id)",
                "color": bundle.weak > 0 ? PictureStyle.gapColor(2) : PictureStyle.gapColor(bundle.maxGap),
            ]
            // Thicker with more conduits: +1 per doubling, from 1.5 for one.
            let doublings = Double(Int.bitWidth - bundle.conduits.count.leadingZeroBitCount - 1)
            let width: Double = min(8, 1.5 + doublings) + (bundle.weak > 0 ? 1 : 0)
            a.set("penwidth", width)
            var label = HTMLLabel(count(bundle.conduits.count, "conduit")).bold().font(size: 10)
            if bundle.weak > 0 {
                label =
                    label + .lineBreak()
                    + HTMLLabel("\(bundle.weak) weak").bold().font(size: 10, color: PictureStyle.critical)
            }
            a["label"] = .html(label)
            a["tooltip"] = .label(bundle.conduits.joined(separator: ", "))
            graph.add(DOTEdge(node(bundle.a), node(bundle.b), a))
        }
        graph.add(legend(evidence: evidence, options: options))
        if let last = groups.indices.last { graph.add(DOTEdge(node(last), "legend", ["style": "invis"])) }
        let weak = bundles.reduce(0) { $0 + $1.weak }
        var subtitle =
            "Overview · \(scenario.zones.count) zones in \(groups.count) Purdue levels · \(Formatting.count(scenario.assets.count)) assets · \(Formatting.count(scenario.conduits.count)) conduits (\(weak) weak)"
        if let evidence { subtitle += " · criticality for \(evidence.attacker)" }
        graph.add(PictureFrame.title(scenario.name, subtitle: subtitle))
        return graph
    }

    static func node(_ g: Int) -> String { "group_\(g)" }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(Formatting.count(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    static func groupNode(
        _ group: ZoneGroup, index: Int, scenario: Scenario, inside: Bundle?, entries: [String: [String]],
        evidence: AttackEvidence?
    ) -> DOTNode {
        let zones = group.zones.compactMap { scenario.zones[$0] }
        let members = Set(group.zones)
        let assets = scenario.assets.values.filter { members.contains($0.zone) }
        let critical = assets.filter(\.critical).count
        var lines: [HTMLLabel] = [HTMLLabel(group.title).bold().font(size: 16)]
        var counts = "\(count(zones.count, "zone")) · \(count(assets.count, "asset"))"
        if critical > 0 { counts += " (\(critical) critical)" }
        lines.append(HTMLLabel(counts).font(size: 11))
        let targets = zones.map { $0.slTarget.maximum }
        if let low = targets.min(), let high = targets.max() {
            let below = zones.filter { !$0.slAchieved.gaps(to: $0.slTarget).isEmpty }.count
            var sl = low == high ? "SL-T \(low)" : "SL-T \(low)–\(high)"
            if below > 0 { sl += " · \(below) below SL-T" }
            lines.append(HTMLLabel(sl).font(size: 10, color: below > 0 ? PictureStyle.gapColor(1) : PictureStyle.muted))
        }
        if let inside {
            var text = "inside: \(count(inside.conduits.count, "conduit"))"
            if inside.weak > 0 { text += " (\(inside.weak) weak)" }
            lines.append(
                HTMLLabel(text).font(size: 10, color: inside.weak > 0 ? PictureStyle.critical : PictureStyle.muted))
        }
        if let evidence {
            let hit = evidence.targets.filter { scenario.zone(of: $0.id).map(members.contains) ?? false }
            if let worst = hit.max(by: { $0.probability < $1.probability }) {
                lines.append(
                    HTMLLabel("worst P \(Formatting.percent(worst.probability)) (\(evidence.attacker))").bold().font(
                        size: 10,
                        color: worst.probability > scenario.tolerable ? PictureStyle.critical : PictureStyle.text))
            }
        }
        let starting = Set(group.zones.flatMap { entries[$0] ?? [] } + assets.flatMap { entries[$0.id] ?? [] })
        if !starting.isEmpty {
            lines.append(
                HTMLLabel("ENTRY: " + ZoneCanvas.attackerList(starting.sorted())).bold().font(
                    size: 10, color: PictureStyle.entry))
        }
        let names = zones.prefix(4).map(\.name)
        var list = names.joined(separator: ", ")
        if zones.count > names.count { list += " and \(zones.count - names.count) more" }
        lines.append(PictureStyle.wrapped(list, width: 48).italic().font(size: 9, color: PictureStyle.muted))
        var a: DOTAttributes = [
            "shape": "box", "style": "rounded,filled", "fillcolor": PictureStyle.levelFill(group.level),
            "color": PictureStyle.clusterBorder, "penwidth": "1.4", "margin": "0.2,0.1",
            "id": DOTEscaping.safeName("group", group.id),
        ]
        a["label"] = .html(HTMLLabel.lines(lines))
        a["tooltip"] = .label(group.title)
        return DOTNode(node(index), a)
    }

    static func legend(evidence: AttackEvidence?, options: PictureOptions) -> DOTNode {
        let weak =
            evidence == nil
            ? "has a weak conduit: SL-A 2 or more below SL-T"
            : "has a weak conduit: gap of 2 or more, or criticality ≥ \(Formatting.percent(options.criticalityThreshold))"
        let rows: [(HTMLLabel, HTMLLabel)] = [
            (PictureFrame.lineSwatch(PictureStyle.gapColor(0)), "conduits between two levels, all meet their SL-T"),
            (PictureFrame.lineSwatch(PictureStyle.gapColor(1)), "worst conduit SL-A 1 below SL-T on some FR"),
            (PictureFrame.lineSwatch(PictureStyle.gapColor(2)), HTMLLabel(weak)),
        ]
        return PictureFrame.legend(
            title: "Legend", rows: rows,
            notes: [
                "Each box holds every zone of one Purdue level; each line stands for all conduits between two levels, with their number (thicker: more). Conduits inside a level are counted in its box."
            ])
    }
}
