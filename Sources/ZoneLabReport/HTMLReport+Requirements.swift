import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The IEC 62443-3-3 requirements called for and covered.
extension HTMLReport {
    func requirements() -> [BodyNode] {
        let report = content.requirements
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "The system requirements (SR) and requirement enhancements (RE) of IEC 62443-3-3 that each zone's SL-T calls for, and whether its SL-A covers them. Rows where public sources disagree on the level are flagged disputed, with the other source's level."
                    )
                ])
        ]
        let zoneRows: [[BodyNode]] = report.zones.map { e in
            [
                Markup.text("\(zoneName(e.id)) (\(e.id))"), Markup.text(e.slTarget.compact),
                Markup.text(e.slAchieved.compact),
                Markup.text(String(e.entries.count)),
                e.open == 0 ? Markup.badge("0", "good") : Markup.badge(String(e.open), "bad"),
                Markup.text(String(e.entries.filter { $0.requirement.disputed }.count)),
            ]
        }
        nodes.append(
            Markup.table(
                ["zone", "SL-T (IAC UC SI DC RDF TRE RA)", "SL-A", "requirements", "open", "disputed"], zoneRows,
                numericColumns: [3, 4, 5]))
        for element in report.zones where !element.entries.isEmpty {
            nodes.append(
                Markup.element(
                    "h3",
                    [
                        Markup.text(
                            "Zone \(zoneName(element.id)) (\(element.id)): \(element.open) of \(element.entries.count) open"
                        )
                    ]))
            let open = element.entries.filter { !$0.covered }
            if !open.isEmpty {
                nodes.append(
                    Markup.table(
                        ["requirement", "FR", "SL", "title", "status"],
                        open.map { entry in
                            let r = entry.requirement
                            return [
                                Markup.text(r.id), Markup.text(r.fr.rawValue), Markup.text(String(r.level)),
                                Markup.text(r.title), status(entry),
                            ]
                        }, numericColumns: [2]))
            }
            let covered = element.entries.filter(\.covered)
            if !covered.isEmpty {
                var ids: [BodyNode] = [Markup.element("strong", [Markup.text("Covered by SL-A: ")])]
                for (i, entry) in covered.enumerated() {
                    let disputed =
                        entry.requirement.disputedLevel.map { " (disputed: SL \($0) in another source)" } ?? ""
                    ids.append(
                        Markup.element(
                            "span", [Markup.text(entry.requirement.id + disputed + (i + 1 < covered.count ? "," : ""))])
                    )
                    if i + 1 < covered.count { ids.append(Markup.text(" ")) }
                }
                nodes.append(Markup.element("p", class: "ids", ids))
            }
        }
        let conduitRows: [[BodyNode]] = report.conduits.map { e in
            [
                Markup.text("\(conduitName(e.id)) (\(e.id))"), Markup.text(e.slTarget.compact),
                Markup.text(e.slAchieved.compact),
                Markup.text(String(e.entries.count)),
                e.open == 0 ? Markup.badge("0", "good") : Markup.badge(String(e.open), "bad"),
                Markup.text(
                    e.entries.filter { !$0.covered }.map {
                        $0.requirement.id + ($0.requirement.disputed ? " (disputed)" : "")
                    }.joined(separator: ", ")),
            ]
        }
        nodes.append(Markup.element("h3", [Markup.text("Conduits")]))
        nodes.append(
            Markup.table(
                ["conduit", "SL-T", "SL-A", "requirements", "open", "open requirements"], conduitRows,
                numericColumns: [3, 4]))
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
}
