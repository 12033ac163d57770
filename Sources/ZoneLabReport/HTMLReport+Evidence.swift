import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The evidence block: everything needed to reproduce the numbers.
extension HTMLReport {
    func evidence() -> [BodyNode] {
        let calibration = content.model.calibration
        var facts: [(String, BodyNode)] = [
            ("scenario file", Markup.element("span", class: "mono", [Markup.text(content.provenance.scenarioFile)])),
            (
                "scenario SHA-256",
                Markup.element(
                    "span", class: "mono", [Markup.attribute("id", "scenario-sha256"), Markup.text(set.sha256)])
            ),
            ("seed", Markup.element("span", [Markup.attribute("id", "seed"), Markup.text(String(set.seed))])),
            (
                "trials",
                Markup.element(
                    "span",
                    [
                        Markup.attribute("id", "trials"),
                        Markup.text(
                            "\(set.trials) per attacker (main simulation: probabilities, times, paths, criticality)"),
                    ])
            ),
            (
                "hardening gains",
                Markup.text(
                    "\(content.hardeningTrials) trials per attacker and conduit"
                        + (content.hardeningTrials < set.trials
                            ? " (fewer than the main run: one simulation per conduit; base and hardened plant share their random numbers)"
                            : ""))
            ),
            (
                "SL-T search and roadmap",
                Markup.text(
                    "\(content.roadmapTrials) trials per attacker and candidate"
                        + (content.roadmapTrials < set.trials
                            ? " (fewer than the main run: the search simulates the plant once per candidate and step)"
                            : ""))
            ),
        ]
        if let w = content.whatIf {
            facts.append(
                (
                    "what-if",
                    Markup.text(
                        "variant \(w.variantLabel), SHA-256 \(w.comparison.variantSHA256), \(w.comparison.trials) trials per attacker and side, common random numbers"
                    )
                ))
        }
        facts += [
            (
                "attackers",
                Markup.text(
                    content.model.attackers.map {
                        "\($0.id): capability \($0.capability), entry \($0.entry.joined(separator: ", ")), horizon \(TimeSpan.format(hours: $0.horizonHours))"
                    }.joined(separator: "; "))
            ),
            ("tolerable P", Markup.text(Formatting.percent(scenario.tolerable))),
            (
                "calibration",
                Markup.text(
                    calibration.isStandard
                        ? "default (docs/calibration.md)"
                        : "customised by the scenario or a calibration file (table below)")
            ),
            (
                "tool",
                Markup.element(
                    "span",
                    [
                        Markup.attribute("id", "tool-version"),
                        Markup.text("zonelab \(ZoneLabVersion.current), Graphviz \(content.graphvizVersion)"),
                    ])
            ),
            ("date", Markup.text(Self.isoDate(content.provenance.date))),
            ("command line", Markup.element("code", [Markup.text(content.provenance.commandLine)])),
        ]
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "Everything needed to reproduce the numbers of this report: the same scenario file (same SHA-256), seed, trial counts and calibration give the same results on any machine and thread count. The results of the main simulation are in results.json beside this page."
                    )
                ])
        ]
        nodes.append(
            Markup.element(
                "table", class: "data kv",
                [
                    Markup.element(
                        "tbody",
                        facts.map { key, value in
                            Markup.element(
                                "tr", [Markup.element("th", [Markup.text(key)]), Markup.element("td", [value])])
                        })
                ]))
        nodes.append(Markup.element("h3", [Markup.text("Calibration")]))
        nodes.append(
            Markup.element(
                "p", class: "note",
                [
                    Markup.text(
                        "For a gap d = attacker capability − protection (SL-A of the FR crossed), the chance that a step is feasible and the time it takes when it is."
                    )
                ]))
        nodes.append(
            Markup.table(
                ["gap d", "P(step feasible)", "time to compromise"],
                Calibration.gaps.reversed().compactMap { d in
                    calibration.gap[d].map { cell in
                        [
                            Markup.text(d > 0 ? "+\(d)" : String(d)), Markup.text(Formatting.percent(cell.p)),
                            Markup.text(Self.describe(cell.ttc)),
                        ]
                    }
                }, numericColumns: [0, 1]))
        nodes.append(
            Markup.element(
                "table", class: "data kv",
                [
                    Markup.element(
                        "tbody",
                        [
                            (
                                "default horizon per capability",
                                calibration.horizonHours.keys.sorted().map {
                                    "\($0): \(TimeSpan.format(hours: calibration.horizonHours[$0] ?? 0))"
                                }.joined(separator: ", ")
                            ),
                            (
                                "conduit barriers (in series)",
                                calibration.conduitFRs.map(\.rawValue).joined(separator: ", ")
                            ),
                            (
                                "host avenues (weakest decides)",
                                calibration.assetFRs.map(\.rawValue).joined(separator: ", ")
                            ),
                            ("IACS asset types", calibration.iacsTypes.joined(separator: ", ")),
                            (
                                "IACS-specific skill",
                                "from capability \(calibration.iacsCapability); protection +\(calibration.iacsPenalty) for attackers without it"
                            ),
                        ].map { key, value in
                            Markup.element(
                                "tr",
                                [Markup.element("th", [Markup.text(key)]), Markup.element("td", [Markup.text(value)])])
                        })
                ]))
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
