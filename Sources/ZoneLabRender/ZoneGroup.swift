import OrderedCollections
import ZoneLabModel

/// Zones drawn together in the overview of a large plant: one Purdue level, or one site.
public struct ZoneGroup: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case level, site
    }

    public var kind: Kind
    /// A stable name for ids: `level-3`, `level-3.5`, `level-none`, `site-1`.
    public var id: String
    /// What readers see: `Purdue level 3`, `Site 4`.
    public var title: String
    /// The level of a level group (nil: zones without a level).
    public var level: Double?
    /// Zone ids, in file order.
    public var zones: [String]

    /// One group per Purdue level in use, highest first; zones without a level last.
    /// - Complexity: O(zones · log zones).
    public static func byLevel(_ scenario: Scenario) -> [ZoneGroup] {
        var byLevel: [Double?: [String]] = [:]
        for zone in scenario.zones.values { byLevel[zone.level, default: []].append(zone.id) }
        let levels = byLevel.keys.compactMap { $0 }.sorted(by: >)
        var groups = levels.map { level in
            let text = Zone.levelText(level)
            return ZoneGroup(
                kind: .level, id: "level-\(text)", title: "Purdue level \(text)", level: level, zones: byLevel[level]!)
        }
        if let none = byLevel[nil] {
            groups.append(ZoneGroup(kind: .level, id: "level-none", title: "No Purdue level", level: nil, zones: none))
        }
        return groups
    }

    /// The sites of a plant: its zones below Purdue level 4 (or without a level) that conduits
    /// join to one another, each connected set one site; the zones at level 4 and above (the
    /// enterprise, the internet, vendor access) are shared and belong to none. A site is named by
    /// the words its zones' names begin with ("Site 3"), else after its first zone. In the order
    /// of their first zones in the file.
    /// - Complexity: O((zones + conduits) · α(zones)).
    public static func sites(_ scenario: Scenario) -> [ZoneGroup] {
        let local = scenario.zones.values.filter { ($0.level ?? 0) < 4 }.map(\.id)
        let position = Dictionary(uniqueKeysWithValues: local.enumerated().map { ($1, $0) })
        var parent = Array(local.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for conduit in scenario.conduits.values where conduit.zones.count == 2 {
            guard let a = position[conduit.zones[0]], let b = position[conduit.zones[1]] else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: OrderedDictionary<Int, [String]> = [:]
        for (i, id) in local.enumerated() { members[root(i), default: []].append(id) }
        return members.values.enumerated().map { k, zones in
            ZoneGroup(kind: .site, id: "site-\(k + 1)", title: siteTitle(zones, in: scenario), level: nil, zones: zones)
        }
    }

    /// The words every zone name of a site begins with; else the first zone's name, with how
    /// many more zones there are.
    static func siteTitle(_ zones: [String], in scenario: Scenario) -> String {
        let names = zones.map { scenario.zones[$0]?.name ?? $0 }
        guard let first = names.first else { return "" }
        guard names.count > 1 else { return first }
        var common = first.split(separator: " ")
        for name in names.dropFirst() {
            let words = name.split(separator: " ")
            common = Array(zip(common, words).prefix { $0 == $1 }.map(\.0))
        }
        if !common.isEmpty { return common.joined(separator: " ") }
        return "\(first) and \(names.count - 1) more zone\(names.count == 2 ? "" : "s")"
    }

    /// The pictures a large plant is drilled down into: its sites when it has two or more,
    /// else its Purdue levels.
    public static func drillDown(_ scenario: Scenario) -> [ZoneGroup] {
        let sites = sites(scenario)
        return sites.count >= 2 ? sites : byLevel(scenario)
    }
}
