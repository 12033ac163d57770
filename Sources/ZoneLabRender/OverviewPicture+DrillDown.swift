import OrderedCollections
import ZoneLabModel

extension OverviewPicture {
    /// Most drill-down pictures worth drawing; the other groups are listed.
    public static let drillDownLimit = 12

    /// A group's zones with the zones its conduits lead to, as a zones picture of their own:
    /// every asset drawn while there are at most `options.collapseAbove` of them (default 60),
    /// else zones as single nodes with their counts.
    public static func drillDown(
        _ scenario: Scenario, group: ZoneGroup, evidence: AttackEvidence? = nil,
        options: PictureOptions = PictureOptions(collapseAbove: 60)
    ) -> DOTGraph {
        var part = scenario.keeping(zones: Set(group.zones).union(neighbours(of: group, in: scenario)))
        part.name = "\(scenario.name): \(group.title)"
        return ZonesPicture.graph(part, evidence: evidence, options: options)
    }

    /// The zones outside a group that a conduit joins to one of its zones.
    static func neighbours(of group: ZoneGroup, in scenario: Scenario) -> Set<String> {
        let members = Set(group.zones)
        var out = Set<String>()
        for conduit in scenario.conduits.values where conduit.zones.contains(where: members.contains) {
            for zone in conduit.zones where !members.contains(zone) { out.insert(zone) }
        }
        return out
    }

    /// The groups worth looking at first: by the worst P of the attacker on the targets inside
    /// them, then by their weak conduits (inside, or to another zone), then in their order.
    /// - Complexity: O(groups · (zones + conduits) + targets).
    public static func ranked(
        _ groups: [ZoneGroup], in scenario: Scenario, evidence: AttackEvidence?, options: PictureOptions = .init()
    ) -> [ZoneGroup] {
        let keys = groups.enumerated().map { g, group in
            let members = Set(group.zones)
            let worst =
                evidence?.targets.filter { scenario.zone(of: $0.id).map(members.contains) ?? false }
                .map(\.probability).max() ?? 0
            let weak = scenario.conduits.values.filter { conduit in
                conduit.zones.contains(where: members.contains)
                    && ConduitAssessment(
                        conduit, in: scenario, criticality: evidence.map { $0.criticality[conduit.id] ?? 0 },
                        threshold: options.criticalityThreshold
                    ).isWeak
            }.count
            return (g: g, worst: worst, weak: weak)
        }
        return keys.sorted { a, b in
            if a.worst != b.worst { return a.worst > b.worst }
            if a.weak != b.weak { return a.weak > b.weak }
            return a.g < b.g
        }.map { groups[$0.g] }
    }
}
