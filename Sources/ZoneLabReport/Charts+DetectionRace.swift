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
        let frame = TimeFrame(
            set: set, yMax: pMaximum(set.outcomes.map { $0[t].unopposedProbability }, tolerable: nil), title: title,
            subtitle: subtitle)
        let (width, height, axis) = (frame.width, frame.height, frame.axis)
        func x(_ hours: Double) -> Double { frame.x(hours) }
        func y(_ p: Double) -> Double { frame.y(p) }
        var nodes = frame.nodes(
            title: title,
            timeLabel: "time since the attack began (log scale); solid: compromise, dashed: containment")
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
