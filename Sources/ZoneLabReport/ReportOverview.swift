import Foundation
import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender

/// The zones of a large plant (more than `OverviewPicture.zoneLimit` zones) in the report: the
/// overview by Purdue level, then a zones picture per site (or per level) for the groups that
/// matter most, and a list of the others.
public struct ReportOverview: Sendable {
    /// A group without a picture of its own.
    public struct Row: Sendable {
        public var title: String
        public var zones: Int
        public var assets: Int
        public var critical: Int
        /// The worst P of the strongest attacker on the group's targets; nil without targets.
        public var worstP: Double?
    }

    /// The overview picture (the report's zones picture).
    public var picture: ReportPicture
    /// Whether the drill-down is per site or per Purdue level.
    public var kind: ZoneGroup.Kind
    /// At most `OverviewPicture.drillDownLimit`, the groups that matter most first.
    public var drillDown: [ReportPicture]
    public var others: [Row]
}

extension ReportAnalysis {
    /// The overview of a large plant with its drill-down; nil for a plant of at most
    /// `OverviewPicture.zoneLimit` zones, which keeps its zones picture.
    static func overview(_ scenario: Scenario, evidence: AttackEvidence?) throws(GraphvizError) -> ReportOverview? {
        guard OverviewPicture.isLarge(scenario) else { return nil }
        let weak =
            evidence.map {
                "; a line is red when one of its conduits is weak (a static gap of 2 or more, or carrying at least 25% of \($0.attacker)'s compromises)."
            } ?? "; a line is red when one of its conduits has a static gap of 2 or more."
        let overview = try picture(
            OverviewPicture.graph(scenario, evidence: evidence), id: "overview",
            title: "Overview: zones by Purdue level",
            caption:
                "\(scenario.zones.count) zones are too many for one readable picture: each box holds the zones of one Purdue level with their assets counted, each line all the conduits between two levels with their number"
                + weak)
        let groups = ZoneGroup.drillDown(scenario)
        let kind = groups.first?.kind ?? .level
        let ranked = OverviewPicture.ranked(groups, in: scenario, evidence: evidence)
        var pictures: [ReportPicture] = []
        for (k, group) in ranked.prefix(OverviewPicture.drillDownLimit).enumerated() {
            pictures.append(
                try picture(
                    OverviewPicture.drillDown(scenario, group: group, evidence: evidence), id: "drill\(k)",
                    title: group.title,
                    caption:
                        "The \(group.zones.count) zone\(group.zones.count == 1 ? "" : "s") of \(group.title) with the zones their conduits lead to, drawn as in the zones picture."
                ))
        }
        let others = ranked.dropFirst(OverviewPicture.drillDownLimit).map { group in
            let members = Set(group.zones)
            let assets = scenario.assets.values.filter { members.contains($0.zone) }
            let worst = evidence?.targets.filter { scenario.zone(of: $0.id).map(members.contains) ?? false }
                .map(\.probability).max()
            return ReportOverview.Row(
                title: group.title, zones: group.zones.count, assets: assets.count,
                critical: assets.filter(\.critical).count, worstP: worst)
        }
        return ReportOverview(picture: overview, kind: kind, drillDown: pictures, others: others)
    }
}
