import Foundation
import ZoneLabSource

/// Variants for what-if analysis: a full scenario, or a patch file that names items by id.
///
/// ```yaml
/// zonelab_patch: 1
/// description: Close the integrator's legacy tunnel; put a data diode on site B.
/// remove: [vpn-scada]                 # zones (with their assets and conduits), assets, conduits, credentials
/// add:
///   zones: [{id: cell2, level: 2, sl_target: 3, sl_achieved: 2}]
///   assets: [{id: plc9, zone: cell2, type: plc, critical: true}]
///   conduits: [{id: ctl-cell2, zones: [control, cell2], sl_achieved: {RDF: 3, IAC: 3}}]
/// change:
///   plc1: {zone: cell2}               # move an asset
///   it-dmz: {sl_achieved: {RDF: 3}, direction: forward}   # SL maps merge FR by FR
///   hist: {vulnerabilities: []}       # lists (channels, vulnerabilities) are replaced whole
///   vpn-creds: {factor: token}        # credentials too (`add: {credentials: [...]}` adds them)
/// set: {tolerable: 0.01, horizon: 60d}   # top-level keys
/// ```
public enum ScenarioPatch {
    static let keys = ["zonelab_patch", "description", "remove", "add", "change", "set", "name", "cost"]
    static let addKeys = ["zones", "assets", "conduits", "credentials"]
    static let settable = [
        "name", "description", "horizon", "tolerable", "entry", "targets", "attackers", "calibration", "risk",
    ]

    /// Whether a parsed document is a patch (it has `zonelab_patch`).
    public static func isPatch(_ root: DocumentNode) -> Bool {
        guard case .mapping(let pairs) = root.kind else { return false }
        return pairs.contains { $0.key.text == "zonelab_patch" }
    }

    /// Loads `variantPath`: a scenario as it is, or a patch applied to the scenario at `basePath`.
    /// Every problem is reported in one run, each against the file it is in: the base's own
    /// problems against the base (it must be valid by itself), the patch's against the patch, and
    /// those of the patched scenario at the item that causes them, in whichever file that is.
    public static func loadVariant(path variantPath: String, basePath: String) throws(DiagnosticError) -> LoadedScenario
    {
        let variantBytes = try DocumentParser.read(contentsOf: variantPath)
        let variantRoot = try DocumentParser.parse(variantBytes, file: variantPath)
        guard isPatch(variantRoot) else { return try ScenarioLoader.load(data: variantBytes, file: variantPath) }
        let baseBytes = try DocumentParser.read(contentsOf: basePath)
        _ = try ScenarioLoader.load(data: baseBytes, file: basePath)
        let baseRoot = try DocumentParser.parse(baseBytes, file: basePath)
        var diagnostics = Diagnostics(file: variantPath)
        var merged = apply(variantRoot.marked(file: variantPath), to: baseRoot, diagnostics: &diagnostics)
        // Problems of the whole patched scenario (a target removed, say) are the patch's doing.
        merged.location = SourceLocation(
            line: variantRoot.location.line, column: variantRoot.location.column, file: variantPath)
        var reader = ScenarioReader(file: basePath)
        let scenario = reader.read(merged)
        var all = Diagnostics(file: variantPath)
        all.append(contentsOf: diagnostics)
        all.append(contentsOf: reader.diagnostics)
        try all.throwIfErrors()
        guard let scenario else {
            throw DiagnosticError([
                Diagnostic(.error, file: variantPath, at: .start, "the patched scenario is not valid")
            ])
        }
        return LoadedScenario(
            scenario: scenario, sha256: ScenarioLoader.sha256Hex(variantBytes), warnings: all.warnings,
            file: variantPath)
    }

    /// The base document with the patch applied.
    static func apply(_ patch: DocumentNode, to base: DocumentNode, diagnostics d: inout Diagnostics) -> DocumentNode {
        guard let f = d.fields(of: patch, "the patch", allowed: keys, required: ["zonelab_patch"]) else { return base }
        if let v = f["zonelab_patch"], !(v.scalar?.isPlain == true && v.text == "1") {
            d.error(
                "unsupported patch version \(v.kindDescription); this ZoneLab reads zonelab_patch: 1", at: v.location)
        }
        guard case .mapping(var top) = base.kind else { return base }
        func list(_ key: String) -> [DocumentNode] {
            guard case .sequence(let items)? = base[key]?.kind else { return [] }
            return items
        }
        var sections: [String: [DocumentNode]] = [:]
        for key in addKeys { sections[key] = list(key) }
        func id(of item: DocumentNode) -> String? { item["id"]?.text }
        func allIDs() -> [String: String] {
            var ids: [String: String] = [:]
            for key in addKeys { for item in sections[key]! { if let i = id(of: item) { ids[i] = key } } }
            return ids
        }

        // remove: zones take their assets and conduits with them; channels to removed items go too.
        if let removeNode = f["remove"], let items = d.list(removeNode, "'remove' of the patch") {
            var removed = Set<String>()
            let known = allIDs()
            for item in items {
                guard let target = d.identifier(item, "an item of 'remove'") else { continue }
                guard let kind = known[target] else {
                    d.error(
                        "'remove': '\(target)' is not a zone, asset, conduit or credential of the base scenario\(Suggestion.hint(for: target, among: known.keys.sorted()))",
                        at: item.location)
                    continue
                }
                removed.insert(target)
                if kind == "zones" {
                    for asset in sections["assets"]! where asset["zone"]?.text == target {
                        if let i = id(of: asset) { removed.insert(i) }
                    }
                    for conduit in sections["conduits"]! {
                        if case .sequence(let zones)? = conduit["zones"]?.kind,
                            zones.contains(where: { $0.text == target }),
                            let i = id(of: conduit)
                        {
                            removed.insert(i)
                        }
                    }
                }
            }
            for key in addKeys {
                sections[key] = sections[key]!.filter { id(of: $0).map { !removed.contains($0) } ?? true }
            }
            sections["credentials"] = credentials(sections["credentials"]!, without: removed)
            // Channels whose ends were removed disappear with them.
            sections["conduits"] = sections["conduits"]!.map { conduit in
                guard case .mapping(var pairs) = conduit.kind,
                    let index = pairs.firstIndex(where: { $0.key.text == "channels" }),
                    case .sequence(let channels) = pairs[index].value.kind
                else { return conduit }
                // A channel without an end (invalid, reported by the reader) is kept as it is.
                let kept = channels.filter { channel in
                    !["from", "to"].contains { key in channel[key]?.text.map(removed.contains) ?? false }
                }
                pairs[index].value = DocumentNode(.sequence(kept), at: pairs[index].value.location)
                return DocumentNode(.mapping(pairs), at: conduit.location)
            }
        }

        // change: merge keys into items; SL maps merge FR by FR, everything else is replaced.
        if let changeNode = f["change"] {
            if case .mapping(let changes) = changeNode.kind {
                for change in changes {
                    let target = change.key.text ?? ""
                    guard let kind = allIDs()[target] else {
                        d.error(
                            "'change': '\(target)' is not a zone, asset, conduit or credential of the scenario\(Suggestion.hint(for: target, among: allIDs().keys.sorted()))",
                            at: change.key.location)
                        continue
                    }
                    let allowed: [String] =
                        switch kind {
                        case "zones": ScenarioReader.zoneKeys
                        case "assets": ScenarioReader.assetKeys
                        case "credentials": ScenarioReader.credentialKeys
                        default: ScenarioReader.conduitKeys
                        }
                    guard case .mapping(let updates) = change.value.kind else {
                        d.error(
                            "'change' of '\(target)' must be a mapping of keys to new values, found \(change.value.kindDescription)",
                            at: change.value.location)
                        continue
                    }
                    for update in updates {
                        let key = update.key.text ?? ""
                        if key == "id" {
                            d.error(
                                "'change' of '\(target)' cannot change its id: remove it and add it under the new id",
                                at: update.key.location)
                        } else if !allowed.contains(key) {
                            d.error(
                                "unknown key '\(key)' in 'change' of \(kind.dropLast()) '\(target)'\(Suggestion.hint(for: key, among: allowed))",
                                at: update.key.location)
                        }
                    }
                    sections[kind] = sections[kind]!.map { item in
                        guard id(of: item) == target, case .mapping(var pairs) = item.kind else { return item }
                        // Unknown keys are reported above and not applied (no second error).
                        for update in updates where update.key.text != "id" && allowed.contains(update.key.text ?? "") {
                            if let i = pairs.firstIndex(where: { $0.key.text == update.key.text }) {
                                pairs[i].value = merged(pairs[i].value, update.value, key: update.key.text ?? "")
                            } else {
                                pairs.append(update)
                            }
                        }
                        return DocumentNode(.mapping(pairs), at: item.location)
                    }
                }
            } else {
                d.error(
                    "'change' of the patch must be a mapping from ids to changes, found \(changeNode.kindDescription)",
                    at: changeNode.location)
            }
        }

        // add: appended to their lists (ids are checked by the scenario reader afterwards).
        if let addNode = f["add"], let add = d.fields(of: addNode, "'add' of the patch", allowed: addKeys) {
            for key in addKeys {
                if let node = add[key], let items = d.list(node, "'\(key)' of 'add'") { sections[key]! += items }
            }
        }

        // set: top-level keys.
        if let setNode = f["set"], case .mapping(let sets) = setNode.kind {
            for pair in sets {
                let key = pair.key.text ?? ""
                guard settable.contains(key) else {
                    d.error(
                        "'set' cannot set '\(key)'; it sets \(settable.joined(separator: ", "))\(Suggestion.hint(for: key, among: settable))",
                        at: pair.key.location)
                    continue
                }
                if let i = top.firstIndex(where: { $0.key.text == key }) {
                    top[i].value = pair.value
                } else {
                    top.append(pair)
                }
            }
        } else if let setNode = f["set"] {
            d.error(
                "'set' of the patch must be a mapping of top-level keys, found \(setNode.kindDescription)",
                at: setNode.location)
        }

        for key in addKeys {
            let node = DocumentNode(.sequence(sections[key]!), at: base.location)
            if let i = top.firstIndex(where: { $0.key.text == key }) {
                top[i].value = DocumentNode(.sequence(sections[key]!), at: top[i].value.location)
            } else if !sections[key]!.isEmpty {
                top.append(
                    .init(key: DocumentNode(.scalar(.init(text: key, isPlain: true)), at: base.location), value: node))
            }
        }
        return DocumentNode(.mapping(top), at: base.location)
    }

    /// An SL map merged FR by FR when both sides are maps; otherwise the new value.
    static func merged(_ old: DocumentNode, _ new: DocumentNode, key: String) -> DocumentNode {
        guard key == "sl_achieved" || key == "sl_target", case .mapping(var pairs) = old.kind,
            case .mapping(let updates) = new.kind
        else {
            return new
        }
        for update in updates {
            if let i = pairs.firstIndex(where: { $0.key.text == update.key.text }) {
                pairs[i].value = update.value
            } else {
                pairs.append(update)
            }
        }
        return DocumentNode(.mapping(pairs), at: new.location)
    }
}
