import OrderedCollections
import ZoneLabModel

/// The common ground of the pictures: zones as clusters (or, for large plants, single nodes)
/// stacked by Purdue level, higher levels on top, with their assets in rows inside. The
/// pictures add conduits, paths and legends on top of it.
///
/// Stacking: every zone has an invisible top and bottom anchor just above its first and below
/// its last row; an invisible spine node per level sits above the top anchors of that level's
/// zones and below the bottom anchors of the level above, so each level starts below the tallest
/// zone of the level above. Edges between zones run from anchor to anchor, clipped at the
/// cluster borders (`compound=true`, `ltail`/`lhead`).
struct ZoneCanvas {
    let scenario: Scenario
    let options: PictureOptions
    /// Zones as single nodes with counts; only `shownAssets` drawn.
    let collapsed: Bool
    /// The assets drawn (every asset unless collapsed).
    let shownAssets: Set<String>
    /// Zone or asset id → the attackers that start there.
    let entries: [String: [String]]
    /// Zone or asset id → an extra line for its label (e.g. P of compromise).
    let notes: [String: String]
    /// What a zone without drawn assets says.
    let emptyZoneNote: String

    init(
        scenario: Scenario, options: PictureOptions, extraAssets: Set<String> = [], entries: [String: [String]],
        notes: [String: String] = [:], emptyZoneNote: String = "no assets modelled"
    ) {
        self.notes = notes
        self.emptyZoneNote = emptyZoneNote
        self.scenario = scenario
        self.options = options
        collapsed = scenario.assets.count > options.collapseAbove
        let entryAssets = Set(entries.keys.filter { scenario.assets[$0] != nil })
        shownAssets = collapsed ? extraAssets.union(entryAssets) : Set(scenario.assets.keys)
        self.entries = entries
        var byZone: [String: [Asset]] = [:]
        var counts: [String: (all: Int, critical: Int)] = [:]
        for asset in scenario.assets.values {
            if shownAssets.contains(asset.id) { byZone[asset.zone, default: []].append(asset) }
            let c = counts[asset.zone] ?? (0, 0)
            counts[asset.zone] = (c.all + 1, c.critical + (asset.critical ? 1 : 0))
        }
        shownByZone = byZone
        assetCounts = counts
        var lines: [Double: Int] = [:]
        for zone in scenario.zones.values {
            let n = PictureStyle.wrap(zone.name, width: Self.headerWidth).count
            lines[zone.level ?? -1] = max(lines[zone.level ?? -1] ?? 0, n)
        }
        headerNameLines = lines
    }

    /// The drawn assets per zone, in file order.
    let shownByZone: [String: [Asset]]
    /// Per zone: its assets and critical assets.
    let assetCounts: [String: (all: Int, critical: Int)]
    /// Per Purdue level, the most lines a zone name there wraps to.
    let headerNameLines: [Double: Int]

    // MARK: Names

    func cluster(_ zone: String) -> String { DOTEscaping.safeName("cluster_zone", zone) }
    func assetNode(_ asset: String) -> String { DOTEscaping.safeName("asset", asset) }
    func entryNode(_ zone: String) -> String { DOTEscaping.safeName("entry", zone) }
    func summaryNode(_ zone: String) -> String { DOTEscaping.safeName("zone", zone) }
    func topAnchor(_ zone: String) -> String { DOTEscaping.safeName("top", zone) }
    func bottomAnchor(_ zone: String) -> String { DOTEscaping.safeName("bottom", zone) }
    func levelNode(_ level: Double) -> String { "level_\(Int((level * 10).rounded()))" }

    /// The assets drawn in a zone, in file order.
    func shownAssets(in zone: String) -> [Asset] {
        shownByZone[zone] ?? []
    }

    /// Whether a zone is drawn as a cluster (else as its summary node alone).
    func hasCluster(_ zone: String) -> Bool {
        !collapsed || entries[zone] != nil || !shownAssets(in: zone).isEmpty
    }

    /// The node and cluster an edge uses for a zone: `top` for arriving from above, else bottom.
    func zoneEnd(_ zone: String, top: Bool) -> (node: String, cluster: String?) {
        guard hasCluster(zone) else { return (summaryNode(zone), nil) }
        return (top ? topAnchor(zone) : bottomAnchor(zone), cluster(zone))
    }

    /// Zones ordered top to bottom: by level, highest first (zones without level last), then in file order.
    var orderedZones: [Zone] {
        scenario.zones.values.enumerated().sorted { a, b in
            let la = a.element.level ?? -1
            let lb = b.element.level ?? -1
            return la != lb ? la > lb : a.offset < b.offset
        }.map(\.element)
    }

    /// The levels in use, highest first.
    var levels: [Double] {
        Array(Set(scenario.zones.values.compactMap(\.level))).sorted(by: >)
    }

    // MARK: Statements

    /// The zones, their assets and the invisible stacking.
    func statements() -> [DOTStatement] {
        var out: [DOTStatement] = []
        for zone in orderedZones {
            out.append(contentsOf: zoneStatements(zone))
        }
        out.append(contentsOf: stacking())
        return out
    }

    /// Stacking: per level, the level's invisible spine node and the top anchors of its zones
    /// share one rank (`rank=same`, which `newrank=true` allows across clusters); every zone's
    /// bottom anchor lies at least two ranks above the next level (room for a conduit badge).
    /// The spine edges have weight 0: they constrain ranks without pulling zones sideways.
    func stacking() -> [DOTStatement] {
        var out: [DOTStatement] = []
        let levels = levels
        guard !levels.isEmpty else { return out }
        var invisible: DOTAttributes = ["shape": "point", "style": "invis", "width": "0", "height": "0"]
        invisible["label"] = .label("")
        let spine: DOTAttributes = ["style": "invis", "minlen": "2", "weight": "0"]
        for (i, level) in levels.enumerated() {
            let zones = orderedZones.filter { $0.level == level }
            var rank = DOTSubgraph(nil, ["rank": "same"])
            rank.add(DOTNode(levelNode(level), invisible))
            for zone in zones { rank.add(DOTNode(zoneEnd(zone.id, top: true).node)) }
            out.append(.subgraph(rank))
            if i + 1 < levels.count {
                for zone in zones {
                    out.append(.edge(DOTEdge(zoneEnd(zone.id, top: false).node, levelNode(levels[i + 1]), spine)))
                }
                out.append(.edge(DOTEdge(levelNode(level), levelNode(levels[i + 1]), spine)))
            }
        }
        return out
    }

    /// Invisible edges that put `node` on a rank of its own below the lowest zones.
    func placeBelow(_ node: String) -> [DOTStatement] {
        let lowest = levels.last
        return orderedZones.filter { $0.level == lowest }.map { zone in
            .edge(DOTEdge(zoneEnd(zone.id, top: false).node, node, ["style": "invis"]))
        }
    }

    func zoneStatements(_ zone: Zone) -> [DOTStatement] {
        var cells: [DOTNode] = []
        if collapsed { cells.append(summary(zone)) }
        if let attackers = entries[zone.id] { cells.append(entryMarker(zone.id, attackers: attackers)) }
        cells += shownAssets(in: zone.id).map { assetNodeStatement($0) }
        guard hasCluster(zone.id) else { return cells.map { .node($0) } }
        if cells.isEmpty {
            var placeholder = DOTNode(DOTEscaping.safeName("empty", zone.id), ["shape": "plaintext", "style": ""])
            placeholder.attributes["label"] = .html(
                HTMLLabel(emptyZoneNote).italic().font(size: 9, color: PictureStyle.fadedText))
            cells.append(placeholder)
        }
        var sub = DOTSubgraph(cluster(zone.id))
        sub.attributes = clusterAttributes(zone)
        var anchor: DOTAttributes = ["shape": "point", "style": "invis", "width": "0.01", "height": "0.01"]
        anchor["label"] = .label("")
        sub.add(DOTNode(topAnchor(zone.id), anchor))
        sub.add(DOTNode(bottomAnchor(zone.id), anchor))
        // Rows of at most `columns` cells, each row one rank; the anchors get thin ranks of
        // their own above and below, centred, so conduits leave and enter mid-cluster.
        let columns = columns(for: cells.count)
        let rows = stride(from: 0, to: cells.count, by: columns).map {
            Array(cells[$0..<min($0 + columns, cells.count)])
        }
        for row in rows {
            var rank = DOTSubgraph(nil, ["rank": "same"])
            for cell in row { rank.add(cell) }
            sub.add(rank)
        }
        let link: DOTAttributes = ["style": "invis"]
        for cell in rows[0] {
            sub.add(DOTEdge(topAnchor(zone.id), cell.id, link))
        }
        for r in 0..<(rows.count - 1) {
            for (c, cell) in rows[r + 1].enumerated() {
                sub.add(DOTEdge(rows[r][min(c, rows[r].count - 1)].id, cell.id, link))
            }
        }
        for cell in rows[rows.count - 1] {
            sub.add(DOTEdge(cell.id, bottomAnchor(zone.id), link))
        }
        return [.subgraph(sub)]
    }

    /// Cells per row: wide zones wrap, a zone of four makes two rows of two.
    func columns(for n: Int) -> Int {
        let limit = options.columnsPerZone
        if n <= limit { return max(1, n) }
        let rows = (n + limit - 1) / limit
        return (n + rows - 1) / rows
    }

    func clusterAttributes(_ zone: Zone) -> DOTAttributes {
        var a: DOTAttributes = [
            "style": "rounded,filled", "fillcolor": PictureStyle.levelFill(zone.level),
            "color": PictureStyle.clusterBorder,
            "penwidth": "1.2", "labeljust": "l", "labelloc": "t", "margin": "10",
            "id": DOTEscaping.safeName("zone", zone.id),
        ]
        a["tooltip"] = .label(zone.name)
        a["label"] = collapsed ? .label("") : .html(header(zone))
        return a
    }

    /// Name, id and level, SL-T and SL-A of a zone.
    func header(_ zone: Zone, counts: Bool = false) -> HTMLLabel {
        let ink = PictureStyle.text
        var table = HTMLTable([.border(0), .cellborder(0), .cellspacing(0), .cellpadding(1)])
        // Headers of one level get as many name lines as the longest there, so zones of a
        // level start on one line (a cluster's label height moves its top).
        let nameLines = counts ? 0 : headerNameLines[zone.level ?? -1] ?? 0
        table.row([
            .init(
                PictureStyle.wrapped(
                    zone.name, width: counts ? 26 : Self.headerWidth, align: .left, minimumLines: nameLines
                )
                .bold().font(size: 11, color: ink), [.align(.left)])
        ])
        var idLine = zone.id
        if let level = zone.levelText { idLine += " · Purdue level \(level)" }
        if scenario.extraTargets.contains(zone.id) { idLine += " · TARGET" }
        var idLabel = HTMLLabel(idLine).font(size: 8, color: PictureStyle.muted)
        if let note = notes[zone.id] {
            idLabel = idLabel + HTMLLabel(" · " + note).bold().font(size: 8, color: PictureStyle.critical)
        }
        table.row([.init(idLabel, [.align(.left)])])
        if counts {
            let (all, critical) = assetCounts[zone.id] ?? (0, 0)
            var line = "\(all) asset\(all == 1 ? "" : "s")"
            if critical > 0 { line += " · \(critical) critical" }
            table.row([
                .init(
                    HTMLLabel(line).font(size: 9, color: critical > 0 ? PictureStyle.critical : ink),
                    [.align(.left)])
            ])
        }
        if zone.slTarget.maximum == 0 && zone.slAchieved.maximum == 0 {
            // As tall as the SL table of the other zones.
            let cell = HTMLTable.Cell(
                HTMLLabel("SL-T 0 · untrusted").font(size: 8, color: ink),
                [.align(.left), HTMLTable.Attribute("VALIGN", "TOP"), .height(collapsed ? 0 : Self.slTableHeight)])
            table.row([cell])
        } else if collapsed {
            table.row([
                .init(
                    HTMLLabel(SLLabels.compact(target: zone.slTarget, achieved: zone.slAchieved)).font(
                        size: 8, color: ink), [.align(.left)])
            ])
        } else {
            table.row([
                .init(SLLabels.table(target: zone.slTarget, achieved: zone.slAchieved), [.align(.left)])
            ])
        }
        return .table(table)
    }

    /// Characters per line of a zone's name in its header.
    static let headerWidth = 38
    /// The height in points of the SL table of a zone header (three rows of 7–8 pt text).
    static let slTableHeight = 46

    /// A zone drawn as one node (large plants).
    func summary(_ zone: Zone) -> DOTNode {
        var a: DOTAttributes = [
            "shape": "box", "style": "rounded,filled", "fillcolor": PictureStyle.levelFill(zone.level),
            "color": PictureStyle.clusterBorder,
            "margin": "0.1,0.05", "id": DOTEscaping.safeName("zone", zone.id),
        ]
        a["label"] = .html(header(zone, counts: true))
        a["tooltip"] = .label(zone.name)
        return DOTNode(summaryNode(zone.id), a)
    }

    /// The bold marker of where attackers start in a zone.
    func entryMarker(_ zone: String, attackers: [String]) -> DOTNode {
        var a: DOTAttributes = [
            "shape": "cds", "style": "filled,bold", "fillcolor": PictureStyle.entry, "color": PictureStyle.entry,
            "fontcolor": "white", "margin": "0.12,0.04",
            "id": DOTEscaping.safeName("entry", zone),
        ]
        a["label"] = .html(
            HTMLLabel("ENTRY").bold().font(size: 10) + .lineBreak()
                + PictureStyle.wrapped(Self.attackerList(attackers), width: 22).font(size: 8))
        a["tooltip"] = .label("attackers start here: " + attackers.joined(separator: ", "))
        return DOTNode(entryNode(zone), a)
    }

    static func attackerList(_ ids: [String]) -> String {
        ids.count > 6 ? "\(ids.count) attackers" : ids.joined(separator: ", ")
    }

    func assetNodeStatement(_ asset: Asset) -> DOTNode {
        let shape = AssetShape(type: asset.type)
        let ink = PictureStyle.text
        var sub = asset.id
        if let type = asset.type, !type.isEmpty { sub += " · " + type }
        var label = PictureStyle.wrapped(asset.name, width: 22).font(size: 10, color: ink)
        label =
            label + .lineBreak()
            + HTMLLabel(sub).font(size: 8, color: PictureStyle.muted)
        if asset.critical {
            label =
                label + .lineBreak()
                + HTMLLabel("CRITICAL").bold().font(size: 8, color: PictureStyle.critical)
        }
        if let note = notes[asset.id] {
            label =
                label + .lineBreak()
                + HTMLLabel(note).bold().font(size: 8.5, color: PictureStyle.critical)
        }
        if let attackers = entries[asset.id] {
            label =
                label + .lineBreak()
                + HTMLLabel("ENTRY: " + Self.attackerList(attackers)).bold().font(size: 8, color: ink)
        }
        var a: DOTAttributes = [
            "shape": shape.graphvizShape, "style": "filled", "fillcolor": "white", "color": "#546E7A", "penwidth": "1",
            "margin": shape == .boundary ? "0.02,0.02" : "0.1,0.04",
            "id": DOTEscaping.safeName("asset", asset.id),
        ]
        if asset.critical {
            a.set("color", PictureStyle.critical)
            a.set("penwidth", 2.5)
            a.set("style", "filled,bold")
        }
        if entries[asset.id] != nil { a.set("peripheries", "2") }
        a["label"] = .html(label)
        a["tooltip"] = .label(asset.name)
        return DOTNode(assetNode(asset.id), a)
    }

    // MARK: Edge ends

    /// The node and cluster that stand for a path end. Zone ends use the entry marker when the
    /// zone has one, else the anchor on the side facing `otherLevel`.
    func node(for end: PathEnd, facing otherLevel: Double?) -> (node: String, cluster: String?) {
        switch end {
        case .asset(let a):
            if shownAssets.contains(a) { return (assetNode(a), nil) }
            let zone = scenario.assets[a]?.zone ?? a
            return node(for: .zone(zone), facing: otherLevel)
        case .zone(let z):
            if entries[z] != nil { return (entryNode(z), nil) }
            let level = scenario.zones[z]?.level ?? 0
            return zoneEnd(z, top: (otherLevel ?? level) >= level)
        }
    }

    /// The Purdue level of a path end (its zone's).
    func level(of end: PathEnd) -> Double? {
        switch end {
        case .asset(let a): scenario.assets[a].flatMap { scenario.zones[$0.zone]?.level }
        case .zone(let z): scenario.zones[z]?.level
        }
    }

    /// The entries per zone or asset id: which attackers start there.
    static func entries(of attackers: [ResolvedAttacker]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for attacker in attackers {
            for id in attacker.entry where !(out[id]?.contains(attacker.id) ?? false) {
                out[id, default: []].append(attacker.id)
            }
        }
        return out
    }
}
