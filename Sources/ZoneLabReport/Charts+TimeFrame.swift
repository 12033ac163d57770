import Foundation
import Plot
import ZoneLabIEC62443
import ZoneLabModel

extension Charts {
    /// The frame of a chart of P over time (log time axis): size, scales, title, grid and axes.
    struct TimeFrame {
        let width = 520.0
        let height = 284.0
        let left = 52.0
        let right = 14.0
        let top = 44.0
        let bottom = 40.0
        let axis: TimeAxis
        let yMax: Double

        var plotW: Double { width - left - right }
        var plotH: Double { height - top - bottom }

        init(set: RunSet, yMax: Double) {
            axis = TimeAxis(set: set)
            self.yMax = yMax
        }

        func x(_ hours: Double) -> Double { left + axis.fraction(hours) * plotW }
        func y(_ p: Double) -> Double { top + plotH - min(p, yMax) / yMax * plotH }

        /// Title, subtitle, the P grid, the time ticks, both axes and the time axis's label.
        func nodes(title: String, subtitle: String, timeLabel: String) -> [BodyNode] {
            var nodes: [BodyNode] = [
                Markup.element("title", [Markup.text(title)]),
                Markup.element(
                    "text",
                    [
                        Markup.attribute("x", "8"), Markup.attribute("y", "16"),
                        Markup.attribute("class", "chart-title"), Markup.text(shortened(title, to: 66)),
                    ]),
                label(shortened(subtitle, to: 84), x: 8, y: 32, anchor: "start"),
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
