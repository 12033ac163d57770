import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The management report as one self-contained HTML page: no network resources, pictures and
/// charts inline as SVG, one small inline script for zooming and panning the pictures (the page
/// reads without it); markup that also parses as XML.
public struct HTMLReport {
    /// The sections, in order, with their ids (anchors of the table of contents).
    public static let sectionIDs = [
        "summary", "pictures", "charts", "risk", "weak-conduits", "target-sl", "requirements", "whatif", "evidence",
    ]

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
                .element(
                    named: "title",
                    nodes: [
                        Node<HTML.HeadContext>.text(
                            Markup.clean("ZoneLab report: \(scenario.name)").replacingOccurrences(
                                of: "&", with: "&amp;"))
                    ]),
                .style(ReportStyle.css)
            ),
            .body(
                masthead(),
                Markup.element(
                    "nav", class: "toc",
                    [
                        Markup.attribute("aria-label", "Contents"),
                        Markup.element(
                            "ol",
                            sections.map { id, title, _ in
                                Markup.element(
                                    "li",
                                    [Markup.element("a", [Markup.attribute("href", "#\(id)"), Markup.text(title)])])
                            }),
                    ]),
                Markup.element(
                    "main",
                    sections.map { id, title, nodes in
                        Markup.element(
                            "section", [Markup.attribute("id", id), Markup.element("h2", [Markup.text(title)])] + nodes)
                    }),
                Markup.element(
                    "footer",
                    [
                        Markup.text(
                            "Made by zonelab \(ZoneLabVersion.current) on \(Self.isoDate(content.provenance.date)). Every number in this report comes from a seeded simulation and can be reproduced with the command line in the evidence block."
                        )
                    ]),
                .raw(Self.script)
            )
        )
        return html.render(indentedBy: nil) + "\n"
    }

    /// The page's one script element, inline (see `ReportScript`).
    static let script = "<script>\(ReportScript.source)</script>"

    func sections() -> [(id: String, title: String, nodes: [BodyNode])] {
        var result: [(id: String, title: String, nodes: [BodyNode])] = [
            ("summary", "Executive summary", summary()),
            ("pictures", "Zones, conduits and attack paths", pictures()),
            ("charts", "Probability of compromise", charts()),
            ("risk", "Risk (IEC 62443-3-2)", risk()),
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
        nodes.append(
            Markup.element(
                "p", class: "meta",
                [
                    Markup.text(
                        "\(Self.isoDate(content.provenance.date)) · \(set.trials) trials per attacker · seed \(set.seed) · \(scenario.zones.count) zones, \(scenario.assets.count) assets, \(scenario.conduits.count) conduits"
                    )
                ]))
        return Markup.element("header", class: "masthead", nodes)
    }
}
