import Foundation
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

/// The report's own SVG charts, drawn with Plot's elements (text escaped like the rest).
enum Charts {
    /// One colour per attacker, in the order of the results (Okabe–Ito, safe for colour blindness).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D1F", "#000000"]

    static func colour(_ attacker: Int) -> String { palette[attacker % palette.count] }

    static let tolerableColour = "#C0392B"
    static let gridColour = "#E3E6EA"
    static let axisColour = "#5F6B7A"

    /// A legend of the attackers, as HTML.
    static func legend(_ set: RunSet) -> BodyNode {
        Markup.element(
            "ul", class: "legend",
            set.attackers.enumerated().map { a, attacker in
                Markup.element(
                    "li",
                    [
                        Markup.element(
                            "span",
                            [Markup.attribute("class", "swatch"), Markup.attribute("style", "background:\(colour(a))")]),
                        Markup.text(attacker.id + (attacker.capability.map { " (capability \($0))" } ?? "")),
                    ])
            } + [
                Markup.element(
                    "li",
                    [
                        Markup.element("span", [Markup.attribute("class", "swatch tolerable")]),
                        Markup.text("tolerable P" + (set.tolerable.map { " \(Formatting.percent($0))" } ?? "")),
                    ])
            ])
    }

    // MARK: P(compromise) over time

    /// The time axis: log scale from one hour to the longest horizon.
    struct TimeAxis {
        var minimum: Double
        var maximum: Double

        init(set: RunSet) {
            minimum = 1
            maximum = max(2, set.attackers.map(\.horizonHours).max() ?? 720)
        }

        func fraction(_ hours: Double) -> Double {
            let h = min(max(hours, minimum), maximum)
            return (log10(h) - log10(minimum)) / (log10(maximum) - log10(minimum))
        }

        var ticks: [Double] {
            [1, 6, 24, 7 * 24, 30 * 24, 90 * 24, 365 * 24, 3 * 365 * 24, 10 * 365 * 24].filter {
                $0 >= minimum && $0 <= maximum * 1.0001
            }
        }
    }

    /// A y range for P that keeps small probabilities readable: the smallest of a few round
    /// values above the largest P and above the tolerable line.
    static func pMaximum(_ values: [Double], tolerable: Double?) -> Double {
        let top = max(values.max() ?? 0, (tolerable ?? 0) * 1.5)
        return [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1].first { $0 >= top } ?? 1
    }

    /// The share of trials compromised by `hours`, from the ascending successful times.
    static func cdf(_ times: [Double], trials: Int, at hours: Double) -> Double {
        guard trials > 0 else { return 0 }
        var lo = 0
        var hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= hours { lo = mid + 1 } else { hi = mid }
        }
        return Double(lo) / Double(trials)
    }

    /// P(compromise by t) of one target, one line per attacker up to its horizon, with the
    /// tolerable line: the empirical CDF of the time to compromise over all trials.
    static func compromiseOverTime(_ set: RunSet, target t: Int, title: String, subtitle: String) -> BodyNode {
        let frame = TimeFrame(
            set: set, yMax: pMaximum(set.outcomes.map { $0[t].probability }, tolerable: set.tolerable), title: title,
            subtitle: subtitle)
        let (width, height, left, plotW, axis, yMax) = (
            frame.width, frame.height, frame.left, frame.plotW, frame.axis, frame.yMax
        )
        func x(_ hours: Double) -> Double { frame.x(hours) }
        func y(_ p: Double) -> Double { frame.y(p) }
        var nodes = frame.nodes(title: title, timeLabel: "time since the attack began (log scale)")
        if let tolerable = set.tolerable, tolerable <= yMax {
            nodes.append(
                Markup.empty(
                    "line",
                    [
                        ("x1", Markup.coordinate(left)), ("y1", Markup.coordinate(y(tolerable))),
                        ("x2", Markup.coordinate(left + plotW)),
                        ("y2", Markup.coordinate(y(tolerable))), ("stroke", tolerableColour), ("stroke-width", "1.5"),
                        ("stroke-dasharray", "6 4"),
                    ]))
        }
        // One step line per attacker, sampled on a log grid up to its horizon.
        for (a, attacker) in set.attackers.enumerated() {
            let outcome = set.outcomes[a][t]
            let horizon = min(attacker.horizonHours, axis.maximum)
            let samples = 200
            let points = (0...samples).map { k in
                let hours = pow(
                    10, log10(axis.minimum) + (log10(horizon) - log10(axis.minimum)) * Double(k) / Double(samples))
                return
                    "\(Markup.coordinate(x(hours))),\(Markup.coordinate(y(cdf(outcome.times, trials: outcome.trials, at: hours))))"
            }
            nodes.append(
                Markup.empty(
                    "polyline",
                    [
                        ("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", colour(a)),
                        ("stroke-width", "2"),
                        ("stroke-linejoin", "round"),
                    ]))
            let end = cdf(outcome.times, trials: outcome.trials, at: horizon)
            nodes.append(
                Markup.empty(
                    "circle",
                    [
                        ("cx", Markup.coordinate(x(horizon))), ("cy", Markup.coordinate(y(end))), ("r", "3"),
                        ("fill", colour(a)),
                    ]))
        }
        return svg(width: width, height: height, label: title, nodes)
    }

    // MARK: P by attacker level

    /// Horizontal grouped bars: per target, P within the horizon of each attacker with its 95%
    /// interval, against the tolerable line.
    /// `targets`: the target indices to draw, in order (`names` are theirs).
    static func probabilityByAttacker(_ set: RunSet, names: [String], targets: [Int]) -> BodyNode {
        let barH = 11.0
        let barGap = 3.0
        let groupGap = 16.0
        let right = 130.0
        let top = 46.0
        let bottom = 40.0
        // The names wrap in a column wide enough for every one of them (see `labelColumn`).
        let column = labelColumn(names)
        let labels = names.map { wrap($0, to: column.characters) }
        let left = column.width + 20
        let width = max(960, left + 580 + right)
        let barsH = Double(set.attackers.count) * (barH + barGap) - barGap
        let groupHeights = labels.map { max(barsH, Double($0.count) * labelLineHeight) }
        let groupTops = groupHeights.indices.map { i in
            top + groupHeights[..<i].reduce(0, +) + Double(i) * groupGap
        }
        let height = top + bottom + groupHeights.reduce(0, +) + Double(max(0, names.count - 1)) * groupGap
        let plotW = width - left - right
        let xMax = pMaximum(set.outcomes.flatMap { $0.map { $0.wilson95.upper } }, tolerable: set.tolerable)
        func x(_ p: Double) -> Double { left + min(p, xMax) / xMax * plotW }
        let title = "P(compromise within the horizon) by attacker"

        var nodes: [BodyNode] = [Markup.element("title", [Markup.text(title)])]
        nodes.append(
            Markup.element(
                "text",
                [
                    Markup.attribute("x", "8"), Markup.attribute("y", "16"), Markup.attribute("class", "chart-title"),
                    Markup.text(title),
                ]))
        for i in 0...4 {
            let p = xMax * Double(i) / 4
            nodes.append(line(x(p), top - 6, x(p), height - bottom + 4, stroke: gridColour))
            nodes.append(label(Formatting.percent(p), x: x(p), y: height - bottom + 18, anchor: "middle"))
        }
        for (g, t) in targets.enumerated() {
            let groupTop = groupTops[g]
            let groupH = groupHeights[g]
            nodes.append(
                label(
                    lines: labels[g], x: left - 10,
                    y: groupTop + groupH / 2 + 4 - Double(labels[g].count - 1) * labelLineHeight / 2, anchor: "end",
                    className: "bar-label"))
            let barsTop = groupTop + (groupH - barsH) / 2
            for (a, attacker) in set.attackers.enumerated() {
                let outcome = set.outcomes[a][t]
                let barTop = barsTop + Double(a) * (barH + barGap)
                let p = outcome.probability
                nodes.append(
                    Markup.element(
                        "rect",
                        [
                            Markup.attribute("x", Markup.coordinate(left)),
                            Markup.attribute("y", Markup.coordinate(barTop)),
                            Markup.attribute("width", Markup.coordinate(max(0.5, x(p) - left))),
                            Markup.attribute("height", Markup.coordinate(barH)),
                            Markup.attribute("fill", colour(a)),
                            Markup.element(
                                "title", [Markup.text("\(names[g]) · \(attacker.id): \(Formatting.percent(p))")]),
                        ]))
                let (lo, hi) = outcome.wilson95
                let mid = barTop + barH / 2
                nodes.append(line(x(lo), mid, x(hi), mid, stroke: "#1F2933", width: 1))
                nodes.append(line(x(hi), mid - 3, x(hi), mid + 3, stroke: "#1F2933", width: 1))
                nodes.append(
                    label(
                        "\(attacker.id) \(Formatting.percent(p))", x: x(hi) + 5, y: mid + 3.5, anchor: "start",
                        className: "bar-value"))
            }
        }
        nodes.append(line(left, top - 6, left, height - bottom + 4, stroke: axisColour))
        if let tolerable = set.tolerable, tolerable <= xMax {
            nodes.append(
                Markup.empty(
                    "line",
                    [
                        ("x1", Markup.coordinate(x(tolerable))), ("y1", Markup.coordinate(top - 10)),
                        ("x2", Markup.coordinate(x(tolerable))),
                        ("y2", Markup.coordinate(height - bottom + 4)), ("stroke", tolerableColour),
                        ("stroke-width", "1.5"), ("stroke-dasharray", "6 4"),
                    ]))
            nodes.append(
                label(
                    "tolerable \(Formatting.percent(tolerable))", x: x(tolerable) + 4, y: top - 12, anchor: "start",
                    className: "tolerable-label"))
        }
        nodes.append(
            label(
                "P within each attacker's horizon, with its 95% interval", x: left + plotW / 2, y: height - 6,
                anchor: "middle"))
        return svg(width: width, height: height, label: title, nodes)
    }

    // MARK: pieces

    static func svg(width: Double, height: Double, label: String, _ nodes: [BodyNode]) -> BodyNode {
        Markup.element(
            "svg",
            [
                Markup.attribute("xmlns", "http://www.w3.org/2000/svg"),
                Markup.attribute("viewBox", "0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))"),
                Markup.attribute("class", "chart"), Markup.attribute("role", "img"),
                Markup.attribute("aria-label", label),
            ] + nodes)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1)
        -> BodyNode
    {
        Markup.empty(
            "line",
            [
                ("x1", Markup.coordinate(x1)), ("y1", Markup.coordinate(y1)), ("x2", Markup.coordinate(x2)),
                ("y2", Markup.coordinate(y2)),
                ("stroke", stroke), ("stroke-width", Markup.coordinate(width)),
            ])
    }

    static func label(_ text: String, x: Double, y: Double, anchor: String, className: String = "axis-label")
        -> BodyNode
    {
        Markup.element(
            "text",
            [
                Markup.attribute("x", Markup.coordinate(x)), Markup.attribute("y", Markup.coordinate(y)),
                Markup.attribute("text-anchor", anchor), Markup.attribute("class", className), Markup.text(text),
            ])
    }

    /// A label of several lines, one `tspan` per line, the first on the baseline `y`.
    static func label(
        lines: [String], x: Double, y: Double, anchor: String, className: String,
        lineHeight: Double = labelLineHeight
    ) -> BodyNode {
        Markup.element(
            "text",
            [
                Markup.attribute("x", Markup.coordinate(x)), Markup.attribute("y", Markup.coordinate(y)),
                Markup.attribute("text-anchor", anchor), Markup.attribute("class", className),
            ]
                + lines.enumerated().map { i, line in
                    Markup.element(
                        "tspan",
                        [
                            Markup.attribute("x", Markup.coordinate(x)),
                            Markup.attribute("dy", i == 0 ? "0" : Markup.coordinate(lineHeight)),
                            Markup.text(line),
                        ])
                })
    }

    /// The bar labels' font size (`.bar-label` in the style sheet), their line height, and the
    /// width of one character, estimated generously for a proportional font.
    static let labelFontSize = 12.0
    static let labelLineHeight = 14.0
    static var labelCharacterWidth: Double { 0.6 * labelFontSize }

    /// The label column of the bar chart: the fewest characters per line (at least 30) in which
    /// every name wraps to at most two lines, or at most three lines beyond 40 characters, so
    /// that no name is cut; its width in the chart's units.
    static func labelColumn(_ names: [String]) -> (characters: Int, width: Double) {
        let longest = names.map(\.count).max() ?? 0
        var characters = 30
        while characters < longest {
            let most = names.map { wrap($0, to: characters).count }.max() ?? 1
            if most <= 2 || (characters >= 40 && most <= 3) { break }
            characters += 1
        }
        return (characters, Double(characters) * labelCharacterWidth)
    }

    /// `s` in lines of at most `n` characters, broken between words where it can be (a word
    /// longer than a line is split); nothing is left out.
    static func wrap(_ s: String, to n: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count <= n {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while word.count > n {
                lines.append(String(word.prefix(n)))
                word = word.dropFirst(n)
            }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

}
