import Foundation
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

extension Charts {
    /// Whether any result of the run had a defender (some campaign contained, SPEC 3.4).
    static func hasDefender(_ set: RunSet) -> Bool {
        set.outcomes.joined().contains { !$0.containmentTimes.isEmpty }
    }

    /// The detection race of one target (SPEC 3.4): per attacker, the share of trials in which
    /// the attacker had reached the target by t ignoring the defender (solid) against the share
    /// in which it would reach it and the defender had contained the campaign by t (dashed). Where
    /// the dashed line runs ahead of the solid one the defender wins the race.
    static func detectionRace(_ set: RunSet, target t: Int, title: String, subtitle: String) -> BodyNode {
        let width = 520.0
        let height = 284.0
        let left = 52.0
        let right = 14.0
        let top = 44.0
        let bottom = 40.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let axis = TimeAxis(set: set)
        let yMax = pMaximum(set.outcomes.map { $0[t].unopposedProbability }, tolerable: nil)
        func x(_ hours: Double) -> Double { left + axis.fraction(hours) * plotW }
        func y(_ p: Double) -> Double { top + plotH - min(p, yMax) / yMax * plotH }

        var nodes: [BodyNode] = [
            Markup.element("title", [Markup.text(title)]),
            Markup.element(
                "text",
                [
                    Markup.attribute("x", "8"), Markup.attribute("y", "16"), Markup.attribute("class", "chart-title"),
                    Markup.text(shortened(title, to: 66)),
                ]),
            label(shortened(subtitle, to: 84), x: 8, y: 32, anchor: "start"),
        ]
        for i in 0...4 {
            let p = yMax * Double(i) / 4
            nodes.append(line(left, y(p), left + plotW, y(p), stroke: gridColour))
            nodes.append(label(Markup.percent(p), x: left - 6, y: y(p) + 4, anchor: "end"))
        }
        for tick in axis.ticks {
            nodes.append(line(x(tick), top, x(tick), top + plotH, stroke: gridColour))
            nodes.append(label(TimeSpan.format(hours: tick), x: x(tick), y: top + plotH + 16, anchor: "middle"))
        }
        nodes.append(line(left, top + plotH, left + plotW, top + plotH, stroke: axisColour))
        nodes.append(line(left, top, left, top + plotH, stroke: axisColour))
        nodes.append(
            label(
                "time since the attack began (log scale); solid: compromise, dashed: containment",
                x: left + plotW / 2, y: height - 6, anchor: "middle"))
        for (a, attacker) in set.attackers.enumerated() {
            let outcome = set.outcomes[a][t]
            guard outcome.unopposed > 0 else { continue }
            let horizon = min(attacker.horizonHours, axis.maximum)
            for (times, dashed) in [(outcome.unopposedTimes, false), (outcome.containmentTimes, true)] {
                let samples = 120
                let points = (0...samples).map { k in
                    let hours = pow(
                        10, log10(axis.minimum) + (log10(horizon) - log10(axis.minimum)) * Double(k) / Double(samples))
                    let share = cdf(times, trials: outcome.trials, at: hours)
                    return "\(Markup.coordinate(x(hours))),\(Markup.coordinate(y(share)))"
                }
                var attributes: [(String, String)] = [
                    ("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", colour(a)),
                    ("stroke-width", dashed ? "1.5" : "2"), ("stroke-linejoin", "round"),
                ]
                if dashed { attributes.append(("stroke-dasharray", "5 3")) }
                nodes.append(Markup.empty("polyline", attributes))
            }
        }
        return svg(width: width, height: height, label: title, nodes)
    }
}
