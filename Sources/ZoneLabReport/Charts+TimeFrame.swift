import Foundation
import Plot
import ZoneLabIEC62443
import ZoneLabModel

extension Charts {
    /// The frame of a chart of P over time (log time axis): size, scales, title, grid and axes.
    /// The title and subtitle wrap (never cut); the plot moves down by their extra lines.
    struct TimeFrame {
        let width = 520.0
        let left = 52.0
        let right = 14.0
        let bottom = 40.0
        let axis: TimeAxis
        let yMax: Double
        let titleLines: [String]
        let subtitleLines: [String]

        /// Characters per line of the title (13 px) and subtitle (10.5 px), at 0.6 em a character.
        static let titleCharacters = 62
        static let subtitleCharacters = 80
        static let titleLineHeight = 16.0
        static let subtitleLineHeight = 13.0

        var extra: Double {
            Double(titleLines.count - 1) * Self.titleLineHeight
                + Double(subtitleLines.count - 1) * Self.subtitleLineHeight
        }
        var top: Double { 44 + extra }
        var height: Double { 284 + extra }

        var plotW: Double { width - left - right }
        var plotH: Double { height - top - bottom }

        init(set: RunSet, yMax: Double, title: String, subtitle: String) {
            axis = TimeAxis(set: set)
            self.yMax = yMax
            titleLines = wrap(title, to: Self.titleCharacters)
            subtitleLines = wrap(subtitle, to: Self.subtitleCharacters)
        }

        func x(_ hours: Double) -> Double { left + axis.fraction(hours) * plotW }
        func y(_ p: Double) -> Double { top + plotH - min(p, yMax) / yMax * plotH }

        /// Title, subtitle, the P grid, the time ticks, both axes and the time axis's label.
        func nodes(title: String, timeLabel: String) -> [BodyNode] {
            var nodes: [BodyNode] = [
                Markup.element("title", [Markup.text(title)]),
                label(
                    lines: titleLines, x: 8, y: 16, anchor: "start", className: "chart-title",
                    lineHeight: Self.titleLineHeight),
                label(
                    lines: subtitleLines, x: 8, y: 32 + Double(titleLines.count - 1) * Self.titleLineHeight,
                    anchor: "start", className: "axis-label", lineHeight: Self.subtitleLineHeight),
            ]
            for i in 0...4 {
                let p = yMax * Double(i) / 4
                nodes.append(line(left, y(p), left + plotW, y(p), stroke: gridColour))
                nodes.append(label(Formatting.percent(p), x: left - 6, y: y(p) + 4, anchor: "end"))
            }
            for tick in axis.ticks {
                nodes.append(line(x(tick), top, x(tick), top + plotH, stroke: gridColour))
                nodes.append(label(TimeSpan.format(hours: tick), x: x(tick), y: top + plotH + 16, anchor: "middle"))
            }
            nodes.append(line(left, top + plotH, left + plotW, top + plotH, stroke: axisColour))
            nodes.append(line(left, top, left, top + plotH, stroke: axisColour))
            nodes.append(label(timeLabel, x: left + plotW / 2, y: height - 6, anchor: "middle"))
            return nodes
        }
    }
}
