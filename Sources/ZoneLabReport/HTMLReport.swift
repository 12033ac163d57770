import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The management report as one self-contained HTML page: no scripts, no network resources,
/// pictures and charts inline as SVG; markup that also parses as XML.
public struct HTMLReport {
    /// The sections, in order, with their ids (anchors of the table of contents).
    public static let sectionIDs = ["summary", "pictures", "charts", "weak-conduits", "target-sl", "requirements", "whatif", "evidence"]

    let content: ReportContent

    public init(_ content: ReportContent) {
        self.content = content
    }

    var set: RunSet { content.results }
    var scenario: Scenario { content.scenario }

    /// The page.
    public func render() -> String {
        let sections = self.sections()
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("generator"), .content("zonelab \(ZoneLabVersion.current)")),
                .element(named: "title", nodes: [Node<HTML.HeadContext>.text(Markup.clean("ZoneLab report: \(scenario.name)").replacingOccurrences(of: "&", with: "&amp;"))]),
                .style(ReportStyle.css)
            ),
            .body(
                masthead(),
                Markup.element("nav", class: "toc", [
                    Markup.attribute("aria-label", "Contents"),
                    Markup.element("ol", sections.map { id, title, _ in
                        Markup.element("li", [Markup.element("a", [Markup.attribute("href", "#\(id)"), Markup.text(title)])])
                    }),
                ]),
                Markup.element("main", sections.map { id, title, nodes in
                    Markup.element("section", [Markup.attribute("id", id), Markup.element("h2", [Markup.text(title)])] + nodes)
                }),
                Markup.element("footer", [
                    Markup.text("Made by zonelab \(ZoneLabVersion.current) on \(Self.isoDate(content.provenance.date)). Every number in this report comes from a seeded simulation and can be reproduced with the command line in the evidence block."),
                ])
            )
        )
        return html.render(indentedBy: nil) + "\n"
    }

    func sections() -> [(id: String, title: String, nodes: [BodyNode])] {
        var result: [(id: String, title: String, nodes: [BodyNode])] = [
            ("summary", "Executive summary", summary()),
            ("pictures", "Zones, conduits and attack paths", pictures()),
            ("charts", "Probability of compromise", charts()),
            ("weak-conduits", "Weak conduits", weakConduits()),
            ("target-sl", "SL-T justification and roadmap", targetSL()),
            ("requirements", "IEC 62443-3-3 requirements per zone", requirements()),
        ]
        if let whatIf = content.whatIf { result.append(("whatif", "What-if comparison", self.whatIf(whatIf))) }
        result.append(("evidence", "Evidence", evidence()))
        return result
    }

    // MARK: names

    func targetName(_ id: String) -> String {
        if let asset = scenario.assets[id] { return asset.name }
        if let zone = scenario.zones[id] { return "zone \(zone.name)" }
        return id
    }

    func zoneName(_ id: String) -> String { scenario.zones[id]?.name ?? id }
    func conduitName(_ id: String) -> String { scenario.conduits[id]?.name ?? id }

    func attackerLabel(_ a: Int) -> String {
        let attacker = set.attackers[a]
        return attacker.id + (attacker.capability.map { " (capability \($0))" } ?? "")
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func money(_ v: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: v)) ?? String(Int(v))
    }

    // MARK: masthead

    func masthead() -> BodyNode {
        var nodes: [BodyNode] = [
            Markup.element("p", class: "kicker", [Markup.text("ZoneLab · IEC 62443 zone and conduit assessment")]),
            Markup.element("h1", [Markup.text(scenario.name)]),
        ]
        if let description = scenario.description, !description.isEmpty {
            nodes.append(Markup.element("p", class: "lede", [Markup.text(description)]))
        }
        nodes.append(Markup.element("p", class: "meta", [Markup.text(
            "\(Self.isoDate(content.provenance.date)) · \(set.trials) trials per attacker · seed \(set.seed) · \(scenario.zones.count) zones, \(scenario.assets.count) assets, \(scenario.conduits.count) conduits")]))
        return Markup.element("header", class: "masthead", nodes)
    }

    // MARK: executive summary

    /// The pair (attacker, target) that matters most: the likeliest compromise among those that
    /// break an SL-T promise (an attacker the zone must withstand, above the tolerable P), else
    /// the likeliest of all.
    func worstPair() -> (attacker: Int, target: Int)? {
        var best: (attacker: Int, target: Int, violation: Bool, p: Double, capability: Int)?
        for (t, target) in set.targets.enumerated() {
            for (a, attacker) in set.attackers.enumerated() {
                let p = set.outcomes[a][t].probability
                guard p > 0 else { continue }
                let capability = attacker.capability ?? 0
                let violation = capability <= (target.slTarget ?? 0) && p > (set.tolerable ?? 1)
                let better: Bool
                if let b = best {
                    if violation != b.violation { better = violation }
                    else if p != b.p { better = p > b.p }
                    else { better = capability < b.capability }
                } else {
                    better = true
                }
                if better { best = (a, t, violation, p, capability) }
            }
        }
        return best.map { ($0.attacker, $0.target) }
    }

    func summary() -> [BodyNode] {
        var nodes: [BodyNode] = []
        let verdicts = ZoneVerdicts(set, model: content.model).verdicts
        let meeting = verdicts.filter(\.meets).count
        let allMeet = meeting == verdicts.count
        nodes.append(Markup.element("p", class: "headline", [Markup.element("strong", [Markup.text(
            verdicts.isEmpty ? "The plant has no critical asset to judge."
                : "\(meeting) of \(verdicts.count) zones with critical assets meet their SL-T in practice.")]),
            Markup.text(allMeet ? " Against the simulated attackers, every critical asset withstands the capability its zone's SL-T promises."
                : " A zone meets its SL-T in practice when each of its critical assets keeps P(compromise) at or below the tolerable \(Markup.percent(scenario.tolerable)) against every attacker up to that capability."),
        ]))
        if !verdicts.isEmpty {
            nodes.append(Markup.table(
                ["zone", "SL-T", "effective SL (simulated)", "verdict"],
                verdicts.map { v in
                    [Markup.text("\(zoneName(v.zone)) (\(v.zone))"), Markup.text(String(v.slTarget)), Markup.text(String(v.effective)),
                     v.meets ? Markup.badge("meets SL-T", "good") : Markup.badge(v.summary, "bad")]
                }, numericColumns: [1, 2]))
        }
        // The worst path in one sentence.
        if let (a, t) = worstPair() {
            let outcome = set.outcomes[a][t]
            let target = set.targets[t]
            let attacker = set.attackers[a]
            let violation = (attacker.capability ?? 0) <= (target.slTarget ?? 0) && outcome.probability > (set.tolerable ?? 1)
            var sentence = violation ? "Worst attack path: " : "Likeliest attack path: "
            sentence += "attacker \(attackerLabel(a)) compromises \(targetName(target.id)) in \(Markup.percent(outcome.probability)) of trials within \(TimeSpan.format(hours: attacker.horizonHours))"
            if let p50 = outcome.percentile(50) { sentence += " (median time \(TimeSpan.format(hours: p50)))" }
            if let path = outcome.paths.first {
                let share = Double(path.count) / Double(max(1, outcome.compromised))
                sentence += ", \(share >= 0.995 ? "always" : "in \(Markup.percent(share)) of those compromises") along "
                sentence += content.narrator.narrate(path.edges, entry: nil)
            }
            sentence += "."
            nodes.append(Markup.element("div", class: violation ? "callout bad" : "callout", [Markup.element("p", [Markup.text(sentence)])]))
        } else {
            nodes.append(Markup.element("div", class: "callout good", [Markup.element("p", [Markup.text("No simulated attacker compromised any critical asset within its horizon.")])]))
        }
        // The top three hardening steps.
        let roadmap = content.justification.roadmap
        nodes.append(Markup.element("h3", [Markup.text("Top hardening steps")]))
        if roadmap.isEmpty {
            nodes.append(Markup.element("p", [Markup.text(content.justification.structural.isEmpty
                ? "No hardening step is needed or none reduces the risk further."
                : "No SL-A change reduces the risk further: the structural findings below need a change of the zone model.")]))
        } else {
            nodes.append(Markup.element("ol", class: "steps", roadmap.prefix(3).map { step in
                Markup.element("li", [Markup.element("strong", [Markup.text(describe(step.change))]), Markup.text(" — " + stepEffect(step))])
            }))
            nodes.append(Markup.element("p", class: "note", [Markup.text(
                "Steps are cumulative, the largest risk reduction\(roadmap.allSatisfy { $0.cost != nil } ? " per unit of cost" : "") first; the full roadmap is in the section SL-T justification and roadmap.")]))
        }
        for finding in content.justification.structural {
            nodes.append(Markup.element("div", class: "callout bad", [Markup.element("p", [Markup.element("strong", [Markup.text("Structural finding: ")]), Markup.text(finding)])]))
        }
        return nodes
    }

    /// A hardening step in plant words.
    func describe(_ change: Hardening) -> String {
        switch change {
        case .conduitToTarget(let c): "Raise conduit \(conduitName(c)) (\(c)) to its SL-T"
        case .zone(let z, let level): "Set zone \(zoneName(z)) (\(z)) with its assets and conduits to SL \(level)"
        case .zoneToTarget(let z): "Raise zone \(zoneName(z)) (\(z)) to its SL-T"
        }
    }

    func stepEffect(_ step: TargetSLJustification.Step) -> String {
        let attackers = content.justification.attackers
        let changed = attackers.filter { (step.pBefore[$0] ?? 0) != (step.pAfter[$0] ?? 0) }
        let shown = (changed.isEmpty ? attackers : changed).prefix(4)
        var text = "worst P " + shown.map { "\($0) \(Markup.percent(step.pBefore[$0] ?? 0)) → \(Markup.percent(step.pAfter[$0] ?? 0))" }.joined(separator: ", ")
        text += "; then \(step.zonesMeetingAfter) of \(content.justification.zonesWithTargets) zones meet their SL-T"
        if let cost = step.cost { text += "; estimated cost \(Self.money(cost))" }
        return text
    }

    // MARK: pictures

    func pictures() -> [BodyNode] {
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "The plant as designed, then the paths the simulated attacks actually took, one picture per attacker.")])]
        for picture in [content.zonesPicture] + content.pathPictures {
            nodes.append(Markup.element("h3", [Markup.text(picture.title)]))
            var figure: [BodyNode] = []
            if let svg = picture.svg { figure.append(.raw(svg)) }
            figure.append(Markup.element("figcaption", [Markup.text(picture.caption)]))
            nodes.append(Markup.element("figure", figure))
        }
        return nodes
    }

    // MARK: charts

    func charts() -> [BodyNode] {
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "P(compromise) is the share of \(set.trials) simulated attacks per attacker that reach the asset within the attacker's horizon; the dashed line is the tolerable P of \(Markup.percent(scenario.tolerable)).")])]
        nodes.append(Charts.legend(set))
        let names = set.targets.map { targetName($0.id) }
        nodes.append(Markup.element("figure", [
            Charts.probabilityByAttacker(set, names: names),
            Markup.element("figcaption", [Markup.text("Each bar is one attacker; the whisker is the 95% Wilson interval. Bars beyond the dashed line exceed the tolerable P.")]),
        ]))
        nodes.append(Markup.element("h3", [Markup.text("P(compromise) over time, per critical asset")]))
        nodes.append(Markup.element("p", class: "note", [Markup.text(
            "The empirical distribution of the time to compromise over all trials: the height at time t is the share of attacks that had reached the asset by t. Each line ends at its attacker's horizon.")]))
        nodes.append(Markup.element("div", class: "chart-grid", set.targets.enumerated().map { t, target in
            let zone = target.zone.map { "zone \(zoneName($0)) · SL-T \(target.slTarget ?? 0)" } ?? ""
            return Markup.element("figure", [Charts.compromiseOverTime(set, target: t, title: targetName(target.id), subtitle: zone)])
        }))
        nodes.append(Markup.element("h3", [Markup.text("Results per critical asset")]))
        var rows: [[BodyNode]] = []
        for (t, target) in set.targets.enumerated() {
            for (a, attacker) in set.attackers.enumerated() {
                let o = set.outcomes[a][t]
                let (lo, hi) = o.wilson95
                let over = o.probability > scenario.tolerable
                rows.append([
                    Markup.text(a == 0 ? targetName(target.id) : ""), Markup.text(attacker.id),
                    over ? Markup.badge(Markup.percent(o.probability), "bad") : Markup.text(Markup.percent(o.probability)),
                    Markup.text("\(Markup.percent(lo)) – \(Markup.percent(hi))"),
                    Markup.text(o.percentile(10).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(o.percentile(50).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(o.percentile(90).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(a == 0 ? (set.effectiveSL(target: t).map { "\($0) (SL-T \(target.slTarget ?? 0))" } ?? "–") : ""),
                ])
            }
        }
        nodes.append(Markup.table(["asset", "attacker", "P", "95% interval", "TTC p10", "TTC p50", "TTC p90", "effective SL"], rows, numericColumns: [2, 3, 4, 5, 6]))
        return nodes
    }

    // MARK: weak conduits

    func weakConduits() -> [BodyNode] {
        struct Row {
            var id: String
            var gaps: [(fr: FR, gap: Int)]
            var criticality: (attacker: String, value: Double)?
            var gain: (attacker: String, value: Double)?
        }
        var criticalities: [String: (attacker: String, value: Double)] = [:]
        for (a, attacker) in set.attackers.enumerated() {
            for (conduit, value) in set.criticality(attacker: a) where value > (criticalities[conduit]?.value ?? 0) {
                criticalities[conduit] = (attacker.id, value)
            }
        }
        var gains: [String: (attacker: String, value: Double)] = [:]
        for attacker in set.attackers {
            for (conduit, value) in content.hardeningGain[attacker.id] ?? [:] where value > (gains[conduit]?.value ?? 0) {
                gains[conduit] = (attacker.id, value)
            }
        }
        var rows: [Row] = []
        for conduit in scenario.conduits.values {
            let gaps = conduit.slAchieved.gaps(to: scenario.slTarget(of: conduit))
            let row = Row(id: conduit.id, gaps: gaps, criticality: criticalities[conduit.id], gain: gains[conduit.id])
            if !gaps.isEmpty || row.criticality != nil { rows.append(row) }
        }
        rows.sort { x, y in
            let gx = x.gain?.value ?? 0, gy = y.gain?.value ?? 0
            if gx != gy { return gx > gy }
            let cx = x.criticality?.value ?? 0, cy = y.criticality?.value ?? 0
            if cx != cy { return cx > cy }
            let sx = x.gaps.map(\.gap).reduce(0, +), sy = y.gaps.map(\.gap).reduce(0, +)
            if sx != sy { return sx > sy }
            return x.id < y.id
        }
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "Conduits ranked by hardening gain (the drop in P, averaged over the critical assets, when that conduit alone is raised to its SL-T, measured with common random numbers and \(content.hardeningTrials) trials per attacker), then by criticality (the share of compromises whose path crosses the conduit), then by static gap (FRs whose SL-A is below the SL-T).")])]
        guard !rows.isEmpty else {
            nodes.append(Markup.element("p", [Markup.text("No conduit has a static gap or carries a compromise.")]))
            return nodes
        }
        let measured = !content.hardeningGain.isEmpty
        nodes.append(Markup.table(
            ["#", "conduit", "between", "static gap (SL-T − SL-A)", "criticality (worst attacker)", "hardening gain (largest)"],
            rows.enumerated().map { i, row in
                let conduit = scenario.conduits[row.id]
                return [
                    Markup.text(String(i + 1)),
                    Markup.text("\(conduitName(row.id)) (\(row.id))"),
                    Markup.text((conduit?.zones ?? []).map(zoneName).joined(separator: " ↔ ")),
                    row.gaps.isEmpty ? Markup.badge("none", "good") : Markup.text(Formatting.gaps(row.gaps.map { ($0.fr, $0.gap) })),
                    Markup.text(row.criticality.map { "\(Markup.percent($0.value)) (\($0.attacker))" } ?? "0%"),
                    Markup.text(row.gain.map { gain in
                        Formatting.signedPoints(-gain.value) + " (\(gain.attacker))"
                    } ?? (measured && !row.gaps.isEmpty ? "no measurable drop" : "–")),
                ]
            }, numericColumns: [0]))
        return nodes
    }

    // MARK: SL-T justification and roadmap

    func targetSL() -> [BodyNode] {
        let j = content.justification
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "For each zone with critical assets: whether it meets its SL-T in practice (its own critical assets, against the attackers up to the capability its SL-T names), and the smallest SL-A (uniform over the FRs, applied to the zone, its assets and its conduits) with which it would, found by simulation (IEC 62443-3-2 ZCR 5/6). Found with \(content.roadmapTrials) trials per attacker and candidate.")])]
        if j.zones.isEmpty {
            nodes.append(Markup.element("p", [Markup.text("No zone outside the attackers' entry zones holds a critical asset.")]))
        } else {
            nodes.append(Markup.table(
                ["zone", "declared SL-T", "SL-A needed", "finding", "critical assets in the zone"],
                j.zones.map { z in
                    let finding: BodyNode
                    if let r = z.recommended {
                        finding = r > z.slTarget ? Markup.badge("needs SL-A above its SL-T", "bad") : r == z.slTarget ? Markup.badge("confirmed", "good") : Markup.badge("margin", "neutral")
                    } else {
                        finding = Markup.badge("not by this zone alone", "warn")
                    }
                    return [
                        Markup.text("\(zoneName(z.id)) (\(z.id))"), Markup.text(String(z.slTarget)),
                        Markup.text(z.recommended.map(String.init) ?? "–"), finding,
                        Markup.text(z.dependents.map(targetName).joined(separator: ", ")),
                    ]
                }, numericColumns: [1, 2]))
            nodes.append(Markup.element("h3", [Markup.text("Rationale")]))
            nodes.append(Markup.element("ul", j.zones.map { Markup.element("li", [Markup.text($0.rationale)]) }))
        }
        if !j.structural.isEmpty {
            nodes.append(Markup.element("h3", [Markup.text("Structural findings")]))
            nodes.append(Markup.element("ul", j.structural.map { Markup.element("li", [Markup.text($0)]) }))
        }
        nodes.append(Markup.element("h3", [Markup.text("Roadmap")]))
        nodes.append(Markup.element("p", [Markup.text(
            "\(j.zonesMeetingBefore) of \(j.zonesWithTargets) zones meet their SL-T in practice now. Each step is simulated on top of the previous ones; worst P is the largest P over the critical assets.")]))
        if j.roadmap.isEmpty {
            nodes.append(Markup.element("p", [Markup.text("No hardening step reduces the risk further.")]))
        } else {
            nodes.append(Markup.table(
                ["#", "change", "cost", "worst P before → after", "zones meeting SL-T after"],
                j.roadmap.enumerated().map { i, step in
                    [
                        Markup.text(String(i + 1)), Markup.text(describe(step.change)),
                        Markup.text(step.cost.map(Self.money) ?? "–"),
                        Markup.text(j.attackers.map { "\($0) \(Markup.percent(step.pBefore[$0] ?? 0)) → \(Markup.percent(step.pAfter[$0] ?? 0))" }.joined(separator: " · ")),
                        Markup.text("\(step.zonesMeetingAfter) of \(j.zonesWithTargets)"),
                    ]
                }, numericColumns: [0, 2, 4]))
        }
        return nodes
    }

    // MARK: requirements

    func requirements() -> [BodyNode] {
        let report = content.requirements
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "The system requirements (SR) and requirement enhancements (RE) of IEC 62443-3-3 that each zone's SL-T calls for, and whether its SL-A covers them. Rows where public sources disagree on the level are flagged disputed, with the other source's level.")])]
        let zoneRows: [[BodyNode]] = report.zones.map { e in
            [Markup.text("\(zoneName(e.id)) (\(e.id))"), Markup.text(e.slTarget.compact), Markup.text(e.slAchieved.compact),
             Markup.text(String(e.entries.count)), e.open == 0 ? Markup.badge("0", "good") : Markup.badge(String(e.open), "bad"),
             Markup.text(String(e.entries.filter { $0.requirement.disputed }.count))]
        }
        nodes.append(Markup.table(["zone", "SL-T (IAC UC SI DC RDF TRE RA)", "SL-A", "requirements", "open", "disputed"], zoneRows, numericColumns: [3, 4, 5]))
        for element in report.zones where !element.entries.isEmpty {
            nodes.append(Markup.element("h3", [Markup.text("Zone \(zoneName(element.id)) (\(element.id)): \(element.open) of \(element.entries.count) open")]))
            let open = element.entries.filter { !$0.covered }
            if !open.isEmpty {
                nodes.append(Markup.table(
                    ["requirement", "FR", "SL", "title", "status"],
                    open.map { entry in
                        let r = entry.requirement
                        return [Markup.text(r.id), Markup.text(r.fr.rawValue), Markup.text(String(r.level)), Markup.text(r.title), status(entry)]
                    }, numericColumns: [2]))
            }
            let covered = element.entries.filter(\.covered)
            if !covered.isEmpty {
                var ids: [BodyNode] = [Markup.element("strong", [Markup.text("Covered by SL-A: ")])]
                for (i, entry) in covered.enumerated() {
                    let disputed = entry.requirement.disputedLevel.map { " (disputed: SL \($0) in another source)" } ?? ""
                    ids.append(Markup.element("span", [Markup.text(entry.requirement.id + disputed + (i + 1 < covered.count ? "," : ""))]))
                    if i + 1 < covered.count { ids.append(Markup.text(" ")) }
                }
                nodes.append(Markup.element("p", class: "ids", ids))
            }
        }
        let conduitRows: [[BodyNode]] = report.conduits.map { e in
            [Markup.text("\(conduitName(e.id)) (\(e.id))"), Markup.text(e.slTarget.compact), Markup.text(e.slAchieved.compact),
             Markup.text(String(e.entries.count)), e.open == 0 ? Markup.badge("0", "good") : Markup.badge(String(e.open), "bad"),
             Markup.text(e.entries.filter { !$0.covered }.map { $0.requirement.id + ($0.requirement.disputed ? " (disputed)" : "") }.joined(separator: ", "))]
        }
        nodes.append(Markup.element("h3", [Markup.text("Conduits")]))
        nodes.append(Markup.table(["conduit", "SL-T", "SL-A", "requirements", "open", "open requirements"], conduitRows, numericColumns: [3, 4]))
        return nodes
    }

    func status(_ entry: RequirementsReport.Entry) -> BodyNode {
        var nodes: [BodyNode] = [entry.covered ? Markup.badge("covered", "good") : Markup.badge("open", "bad")]
        if let level = entry.requirement.disputedLevel {
            nodes.append(Markup.text(" "))
            nodes.append(Markup.badge("disputed: SL \(level) in another source", "warn"))
        }
        return .group(nodes)
    }

    // MARK: what-if

    func whatIf(_ w: ReportWhatIf) -> [BodyNode] {
        let c = w.comparison
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "The plant as designed against the variant \(w.variantName) (\(w.variantLabel)), both simulated with seed \(c.seed) and \(c.trials) trials per attacker; a step with the same id draws the same random numbers on both sides, so each difference carries its own paired 95% interval.")])]
        if !c.zones.isEmpty {
            nodes.append(Markup.table(
                ["zone", "worst P base → variant", "verdict base → variant"],
                c.zones.map { z in
                    func verdict(_ meets: Bool) -> String { meets ? "meets SL-T" : "does not meet SL-T" }
                    let text = z.meetsBase == z.meetsVariant ? "\(verdict(z.meetsBase)) (unchanged)" : "\(verdict(z.meetsBase)) → \(verdict(z.meetsVariant))"
                    return [
                        Markup.text("\(zoneName(z.id)) (\(z.id))"),
                        Markup.text("\(Markup.percent(z.worstPBase)) → \(Markup.percent(z.worstPVariant))"),
                        z.meetsVariant && !z.meetsBase ? Markup.badge(text, "good") : !z.meetsVariant && z.meetsBase ? Markup.badge(text, "bad") : Markup.text(text),
                    ]
                }, numericColumns: []))
            nodes.append(Markup.element("h3", [Markup.text("Per critical asset and attacker")]))
        }
        nodes.append(Markup.table(
            ["critical asset", "attacker", "P base", "P variant", "difference", "paired 95% interval", "TTC p50 base → variant"],
            c.rows.map { row in
                let better = row.ci95.upper < 0, worse = row.ci95.lower > 0
                let difference = Markup.signedPercent(row.difference)
                return [
                    Markup.text(targetName(row.target)), Markup.text(row.attacker),
                    Markup.text(Markup.percent(row.pBase)), Markup.text(Markup.percent(row.pVariant)),
                    better ? Markup.badge(difference, "good") : worse ? Markup.badge(difference, "bad") : Markup.text(difference),
                    Markup.text("\(Markup.signedPercent(row.ci95.lower)) … \(Markup.signedPercent(row.ci95.upper))"),
                    Markup.text("\(row.p50Base.map { TimeSpan.format(hours: $0) } ?? "–") → \(row.p50Variant.map { TimeSpan.format(hours: $0) } ?? "–")"),
                ]
            }, numericColumns: [2, 3, 4, 5]))
        let changes = c.rows.filter { !$0.appeared.isEmpty || !$0.vanished.isEmpty }
        if !changes.isEmpty {
            nodes.append(Markup.element("h3", [Markup.text("Paths that vanished (−) or appeared (+) among the top \(RunSet.topPathCount)")]))
            var items: [BodyNode] = []
            for row in changes {
                for p in row.vanished { items.append(Markup.element("li", [Markup.text("− \(targetName(row.target)), \(row.attacker): \(w.baseNarrator.narrate(p))")])) }
                for p in row.appeared { items.append(Markup.element("li", [Markup.text("+ \(targetName(row.target)), \(row.attacker): \(w.variantNarrator.narrate(p))")])) }
            }
            nodes.append(Markup.element("ul", items))
        }
        if !c.onlyInBase.isEmpty { nodes.append(Markup.element("p", [Markup.text("Targets only in the base: \(c.onlyInBase.joined(separator: ", "))")])) }
        if !c.onlyInVariant.isEmpty { nodes.append(Markup.element("p", [Markup.text("Targets only in the variant: \(c.onlyInVariant.joined(separator: ", "))")])) }
        return nodes
    }

    // MARK: evidence

    func evidence() -> [BodyNode] {
        let calibration = content.model.calibration
        var facts: [(String, BodyNode)] = [
            ("scenario file", Markup.element("span", class: "mono", [Markup.text(content.provenance.scenarioFile)])),
            ("scenario SHA-256", Markup.element("span", class: "mono", [Markup.attribute("id", "scenario-sha256"), Markup.text(set.sha256)])),
            ("seed", Markup.element("span", [Markup.attribute("id", "seed"), Markup.text(String(set.seed))])),
            ("trials", Markup.element("span", [Markup.attribute("id", "trials"), Markup.text("\(set.trials) per attacker (main simulation: probabilities, times, paths, criticality)")])),
            ("hardening gains", Markup.text("\(content.hardeningTrials) trials per attacker and conduit" + (content.hardeningTrials < set.trials
                ? " (fewer than the main run: one simulation per conduit; base and hardened plant share their random numbers)" : ""))),
            ("SL-T search and roadmap", Markup.text("\(content.roadmapTrials) trials per attacker and candidate" + (content.roadmapTrials < set.trials
                ? " (fewer than the main run: the search simulates the plant once per candidate and step)" : ""))),
        ]
        if let w = content.whatIf {
            facts.append(("what-if", Markup.text("variant \(w.variantLabel), SHA-256 \(w.comparison.variantSHA256), \(w.comparison.trials) trials per attacker and side, common random numbers")))
        }
        facts += [
            ("attackers", Markup.text(content.model.attackers.map { "\($0.id): capability \($0.capability), entry \($0.entry.joined(separator: ", ")), horizon \(TimeSpan.format(hours: $0.horizonHours))" }.joined(separator: "; "))),
            ("tolerable P", Markup.text(Markup.percent(scenario.tolerable))),
            ("calibration", Markup.text(calibration.isStandard ? "default (docs/calibration.md)" : "customised by the scenario or --calibration (table below)")),
            ("tool", Markup.element("span", [Markup.attribute("id", "tool-version"), Markup.text("zonelab \(ZoneLabVersion.current), Graphviz \(content.graphvizVersion)")])),
            ("date", Markup.text(Self.isoDate(content.provenance.date))),
            ("command line", Markup.element("code", [Markup.text(content.provenance.commandLine)])),
        ]
        var nodes: [BodyNode] = [Markup.element("p", [Markup.text(
            "Everything needed to reproduce the numbers of this report: the same scenario file (same SHA-256), seed, trial counts and calibration give the same results on any machine and thread count. The results of the main simulation are in results.json beside this page.")])]
        nodes.append(Markup.element("table", class: "data kv", [Markup.element("tbody", facts.map { key, value in
            Markup.element("tr", [Markup.element("th", [Markup.text(key)]), Markup.element("td", [value])])
        })]))
        nodes.append(Markup.element("h3", [Markup.text("Calibration")]))
        nodes.append(Markup.element("p", class: "note", [Markup.text(
            "For a gap d = attacker capability − protection (SL-A of the FR crossed), the chance that a step is feasible and the time it takes when it is.")]))
        nodes.append(Markup.table(
            ["gap d", "P(step feasible)", "time to compromise"],
            Calibration.gaps.reversed().compactMap { d in
                calibration.gap[d].map { cell in
                    [Markup.text(d > 0 ? "+\(d)" : String(d)), Markup.text(Markup.percent(cell.p)), Markup.text(Self.describe(cell.ttc))]
                }
            }, numericColumns: [0, 1]))
        nodes.append(Markup.element("table", class: "data kv", [Markup.element("tbody", [
            ("default horizon per capability", calibration.horizonHours.keys.sorted().map { "\($0): \(TimeSpan.format(hours: calibration.horizonHours[$0] ?? 0))" }.joined(separator: ", ")),
            ("conduit barriers (in series)", calibration.conduitFRs.map(\.rawValue).joined(separator: ", ")),
            ("host avenues (weakest decides)", calibration.assetFRs.map(\.rawValue).joined(separator: ", ")),
            ("IACS asset types", calibration.iacsTypes.joined(separator: ", ")),
            ("IACS-specific skill", "from capability \(calibration.iacsCapability); protection +\(calibration.iacsPenalty) for attackers without it"),
        ].map { key, value in
            Markup.element("tr", [Markup.element("th", [Markup.text(key)]), Markup.element("td", [Markup.text(value)])])
        })]))
        return nodes
    }

    static func describe(_ ttc: TimeDistribution) -> String {
        switch ttc {
        case .instant: "instant"
        case .fixed(let h): "fixed \(TimeSpan.format(hours: h))"
        case .exponential(let m): "exponential, mean \(TimeSpan.format(hours: m))"
        case .lognormal(let m, let s): "lognormal, median \(TimeSpan.format(hours: m)), σ \(String(format: "%g", s))"
        case .uniform(let a, let b): "uniform \(TimeSpan.format(hours: a)) – \(TimeSpan.format(hours: b))"
        }
    }
}
