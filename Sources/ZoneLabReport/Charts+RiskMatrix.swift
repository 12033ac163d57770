import Foundation
import Plot
import ZoneLabIEC62443
import ZoneLabModel

extension Charts {
    static let riskColours: [RiskLevel: String] = [
        .low: "#D8F0DF", .medium: "#FFF1C2", .high: "#FBD3B0", .critical: "#F4B6B0",
    ]

    /// The 5×5 risk matrix (impact rows, likelihood columns) with each risk-rated target placed
    /// where it is as designed (a filled, numbered dot) and an arrow from where it would be
    /// unmitigated (a hollow dot): the worksheet in one picture.
    static func riskMatrix(_ sheet: RiskWorksheet, title: String) -> BodyNode {
        let cell = 92.0
        let left = 118.0
        let top = 30.0
        let width = left + 5 * cell + 20
        let height = top + 5 * cell + 58
        var nodes: [BodyNode] = []
        func x(_ likelihood: Int) -> Double { left + (Double(likelihood) - 0.5) * cell }
        func y(_ impact: Int) -> Double { top + (5.5 - Double(impact)) * cell }
        for impact in 1...5 {
            for likelihood in 1...5 {
                let level = sheet.risk.level(impact: impact, likelihood: likelihood)
                let tolerable = sheet.risk.isTolerable(level)
                nodes.append(
                    Markup.empty(
                        "rect",
                        [
                            ("x", Markup.coordinate(left + Double(likelihood - 1) * cell)),
                            ("y", Markup.coordinate(top + Double(5 - impact) * cell)),
                            ("width", Markup.coordinate(cell)), ("height", Markup.coordinate(cell)),
                            ("fill", riskColours[level] ?? "#FFFFFF"), ("stroke", tolerable ? "#FFFFFF" : "#B42318"),
                            ("stroke-width", tolerable ? "2" : "1"),
                        ]))
                nodes.append(
                    label(level.rawValue, x: x(likelihood), y: y(impact) + cell / 2 - 8, anchor: "middle"))
            }
            nodes.append(label("impact \(impact)", x: left - 8, y: y(impact) + 4, anchor: "end"))
        }
        for likelihood in 1...5 {
            nodes.append(label("L\(likelihood)", x: x(likelihood), y: top - 10, anchor: "middle"))
        }
        nodes.append(
            label(
                "likelihood level (λ, expected compromises per year, against the bands)", x: left + 2.5 * cell,
                y: height - 28, anchor: "middle"))
        var placed: [String: Int] = [:]
        var number = 0
        for zone in sheet.zones {
            for row in zone.targets {
                guard let impact = row.consequence.impact?.level, let residual = row.residual.likelihoodLevel else {
                    continue
                }
                number += 1
                let key = "\(impact)-\(residual)"
                let slot = placed[key, default: 0]
                placed[key] = slot + 1
                let offset = Double(slot % 4) * 18 - 27
                let lift = Double(slot / 4) * 18
                let rx = x(residual) + offset
                let ry = y(impact) + 6 + lift
                if let unmitigated = row.unmitigated?.likelihoodLevel, unmitigated != residual {
                    let ux = x(unmitigated) + offset
                    let uy = ry
                    nodes.append(line(ux, uy, rx + (ux > rx ? 9 : -9), ry, stroke: "#5F6B7A", width: 1.2))
                    nodes.append(
                        Markup.empty(
                            "circle",
                            [
                                ("cx", Markup.coordinate(ux)), ("cy", Markup.coordinate(uy)), ("r", "7"),
                                ("fill", "none"), ("stroke", "#5F6B7A"), ("stroke-width", "1.5"),
                            ]))
                }
                nodes.append(
                    Markup.empty(
                        "circle",
                        [
                            ("cx", Markup.coordinate(rx)), ("cy", Markup.coordinate(ry)), ("r", "9"),
                            ("fill", "#1D4E89"),
                        ]))
                nodes.append(
                    Markup.element(
                        "text",
                        [
                            Markup.attribute("x", Markup.coordinate(rx)),
                            Markup.attribute("y", Markup.coordinate(ry + 4)),
                            Markup.attribute("text-anchor", "middle"), Markup.attribute("class", "dot-label"),
                            Markup.attribute("style", "fill:#FFFFFF;font-weight:600"), Markup.text(String(number)),
                        ]))
            }
        }
        nodes.append(
            label(
                "● as designed (numbered as in the table)   ○ unmitigated, every SL-A at 0", x: left, y: height - 8,
                anchor: "start"))
        return svg(width: width, height: height, label: title, nodes)
    }
}
