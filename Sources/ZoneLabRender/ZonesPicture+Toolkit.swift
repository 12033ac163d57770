import OrderedCollections
import ZoneLabModel

/// SPEC 3.5 in the zones picture: each credential as a note-shaped node, joined by a dotted
/// "stored" line to where it is kept and by a dashed "grants" arrow to each conduit or asset it
/// opens; each transient visit as a dashed "visits" arrow from the asset into the zone; removable
/// media as one entry marker with a dashed arrow to each asset that accepts it.
extension ZonesPicture {
    static let credentialColor = "#8D6E00"

    static func credentialNode(_ id: String) -> String { DOTEscaping.safeName("credential", id) }

    /// Where a line to or from an asset ends: the asset, or its zone when the asset is not drawn.
    static func assetEnd(_ id: String, canvas: ZoneCanvas) -> (node: String, cluster: String?)? {
        guard let asset = canvas.scenario.assets[id], canvas.scenario.zones[asset.zone] != nil else { return nil }
        if canvas.shownAssets.contains(id) { return (canvas.assetNode(id), nil) }
        return canvas.zoneEnd(asset.zone, top: true)
    }

    static func toolkitStatements(canvas: ZoneCanvas) -> [DOTStatement] {
        let scenario = canvas.scenario
        var statements: [DOTStatement] = []
        for credential in scenario.credentials.values {
            let node = credentialNode(credential.id)
            let factor = credential.factor == .token ? "token" : "password"
            var box: DOTAttributes = [
                "shape": "note", "style": "filled", "fillcolor": "#FFF8E1", "color": credentialColor, "fontsize": "10",
                "id": node,
            ]
            box["label"] = .label("\(credential.name)\n(\(factor))")
            box["tooltip"] = .label("credential \(credential.id)")
            statements.append(.node(DOTNode(node, box)))
            for id in credential.storedOn {
                guard let end = assetEnd(id, canvas: canvas) else { continue }
                var line: DOTAttributes = [
                    "style": "dotted", "color": credentialColor, "arrowhead": "none", "constraint": "false",
                    "fontsize": "9", "fontcolor": credentialColor,
                ]
                line["label"] = .label("stored")
                if let c = end.cluster { line.set("ltail", c) }
                statements.append(.edge(DOTEdge(end.node, node, line)))
            }
            for id in credential.grants {
                var line: DOTAttributes = [
                    "style": "dashed", "color": credentialColor, "constraint": "false", "fontsize": "9",
                    "fontcolor": credentialColor,
                ]
                line["label"] = .label("grants")
                let head: String
                if scenario.conduits[id] != nil {
                    head = DOTEscaping.safeName("conduit", id)
                } else if let end = assetEnd(id, canvas: canvas) {
                    head = end.node
                    if let c = end.cluster { line.set("lhead", c) }
                } else {
                    continue
                }
                statements.append(.edge(DOTEdge(node, head, line)))
            }
        }
        for asset in scenario.assets.values {
            guard let from = assetEnd(asset.id, canvas: canvas) else { continue }
            for visit in asset.transient where scenario.zones[visit.zone] != nil {
                let to = canvas.zoneEnd(visit.zone, top: true)
                var line: DOTAttributes = [
                    "style": "dashed", "color": "#6A1B9A", "constraint": "false", "fontsize": "9",
                    "fontcolor": "#6A1B9A",
                ]
                line["label"] = .label("visits ~every \(visit.every)")
                if let c = from.cluster { line.set("ltail", c) }
                if let c = to.cluster { line.set("lhead", c) }
                statements.append(.edge(DOTEdge(from.node, to.node, line)))
            }
        }
        let mediaAssets = scenario.assets.values.filter(\.media)
        if !mediaAssets.isEmpty {
            let node = "entry_removable_media"
            var marker: DOTAttributes = [
                "shape": "cds", "style": "filled", "fillcolor": "#E0F2F1", "color": "#00695C", "fontsize": "10",
                "id": node,
            ]
            marker["label"] = .label("removable media\n(USB, portable devices)")
            marker["tooltip"] = .label("entry: removable media (attackers with media: true)")
            statements.append(.node(DOTNode(node, marker)))
            for asset in mediaAssets {
                guard let to = assetEnd(asset.id, canvas: canvas) else { continue }
                var line: DOTAttributes = [
                    "style": "dashed", "color": "#00695C", "constraint": "false", "fontsize": "9",
                    "fontcolor": "#00695C",
                ]
                line["label"] = .label("media")
                if let c = to.cluster { line.set("lhead", c) }
                statements.append(.edge(DOTEdge(node, to.node, line)))
            }
        }
        return statements
    }
}
