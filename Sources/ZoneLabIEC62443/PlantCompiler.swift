import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// Compiles a plant model into its attack skeleton (SPEC 3.2): `zone:`, `asset:`, `reach:` and
/// `gate:` nodes; `exploit:`, `pivot:`, `cross:`, `channel:` and `enter:` edges with stable ids.
public enum PlantCompiler {
    /// The skeleton of `scenario` under `calibration`.
    ///
    /// - Complexity: O(assets + vulnerabilities + conduits · FRs + channels).
    public static func compile(_ scenario: Scenario, calibration: Calibration) -> AttackSkeleton {
        var builder = Builder(scenario: scenario, calibration: calibration)
        builder.build()
        return AttackSkeleton(
            nodes: builder.nodes, edges: builder.edges, targetIDs: scenario.targets, calibration: calibration)
    }

    struct Builder {
        let scenario: Scenario
        let calibration: Calibration
        var nodes: [AttackGraph.Node] = []
        var index: [String: Int] = [:]
        var edges: [AttackSkeleton.Edge] = []

        init(scenario: Scenario, calibration: Calibration) {
            self.scenario = scenario
            self.calibration = calibration
        }

        mutating func node(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = nodes.count
            nodes.append(.init(id: id))
            return nodes.count - 1
        }

        mutating func edge(
            _ step: AttackStep, _ from: Int, _ to: Int, protection: Int?, iacs: Bool = false,
            technique: AttackTechnique, label: String
        ) {
            edges.append(
                .init(
                    id: step.id.description, from: from, to: to, protection: protection, needsIACSSkill: iacs,
                    step: step,
                    technique: technique, label: label,
                    monitoring: PlantCompiler.monitoring(of: step, in: scenario)))
        }

        /// Asset protection: the weakest of `asset_frs` in the asset's SL-A.
        func protection(of asset: Asset) -> Int {
            let sl = scenario.slAchieved(of: asset)
            return calibration.assetFRs.map { sl[$0] }.min() ?? 0
        }

        func zoneName(_ id: String) -> String { scenario.zones[id]?.name ?? id }

        /// Whether a zone is where attackers come from outside: an entry or Purdue level 5.
        func isOutside(_ zone: String) -> Bool {
            scenario.entry.contains(zone) || (scenario.zones[zone]?.level ?? 0) >= 5
        }

        /// The technique of taking an asset with no vulnerability named.
        func takeoverTechnique(_ asset: Asset) -> AttackTechnique {
            if calibration.isIACS(type: asset.type) { return .programDownload }
            let zone = scenario.zones[asset.zone]!
            if (zone.id + " " + zone.name).lowercased().contains("dmz") { return .exploitPublicFacingApplication }
            return .validAccounts
        }

        mutating func build() {
            for zone in scenario.zones.keys { _ = node("zone:\(zone)") }
            for asset in scenario.assets.values {
                let a = node("asset:\(asset.id)")
                let z = index["zone:\(asset.zone)"]!
                addTakeover(
                    from: z, to: a, asset: asset, step: { .exploit(asset: asset.id, vulnerability: $0) },
                    via: "in \(zoneName(asset.zone))")
                edge(
                    .pivot(asset: asset.id, zone: asset.zone), a, z, protection: nil,
                    technique: .lateralToolTransfer, label: "use \(asset.name) as a foothold in \(zoneName(asset.zone))"
                )
            }
            for conduit in scenario.conduits.values {
                guard let channels = conduit.channels else {
                    let (z1, z2) = (conduit.zones[0], conduit.zones[1])
                    addTraversal(conduit, from: z1, to: z2)
                    if conduit.direction == .both { addTraversal(conduit, from: z2, to: z1) }
                    continue
                }
                for channel in channels {
                    addChannel(conduit, channel)
                }
            }
            addToolkit()
        }

        /// The vulnerability that lowers an asset's protection (SPEC 3.2): the lowest cap below
        /// `protection`, the smallest id (as UTF-8 bytes) among equal caps; nil when none caps it,
        /// so that a vulnerability that caps nothing changes nothing, not even the draws.
        static func cappingVulnerability(of asset: Asset, below protection: Int) -> Vulnerability? {
            asset.vulnerabilities
                .filter { $0.protectionCap < protection }
                .min { a, b in
                    a.protectionCap != b.protectionCap
                        ? a.protectionCap < b.protectionCap : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
                }
        }

        /// `exploit:A` or `enter:C:cid` into an asset: one edge, whose protection is the asset's
        /// lowered to the smallest vulnerability cap; the edge names the vulnerability that set it.
        mutating func addTakeover(
            from: Int, to: Int, asset: Asset, step: (String?) -> AttackStep, via: String
        ) {
            let base = protection(of: asset)
            let iacs = calibration.isIACS(type: asset.type)
            if let v = Self.cappingVulnerability(of: asset, below: base) {
                edge(
                    step(v.id), from, to, protection: v.protectionCap, iacs: iacs,
                    technique: .exploitationOfRemoteServices,
                    label:
                        "exploit \(v.id) (\(v.severity.rawValue)\(v.exploit == .public ? ", public exploit" : "")) on \(asset.name) \(via)"
                )
            } else {
                edge(
                    step(nil), from, to, protection: base, iacs: iacs, technique: takeoverTechnique(asset),
                    label: "take over \(asset.name) \(via)")
            }
        }

        /// A chain of barriers, one per FR of `conduit_frs`, each a step with that FR's SL-A.
        mutating func addBarriers(
            _ conduit: Conduit, from: Int, to: Int, traversal: String, outside: Bool,
            step: (FR, Int) -> AttackStep, describe: String
        ) {
            let frs = calibration.conduitFRs
            var current = from
            for (k, fr) in frs.enumerated() {
                let next = k + 1 < frs.count ? node(EdgeID.gateNode(traversal: traversal, next: frs[k + 1])) : to
                let technique: AttackTechnique = (k == 0 && outside) ? .externalRemoteServices : .barrier(fr)
                edge(
                    step(fr, k), current, next, protection: conduit.slAchieved[fr],
                    technique: technique,
                    label: "pass \(conduit.name) (\(fr.rawValue) SL \(conduit.slAchieved[fr])) \(describe)")
                current = next
            }
        }

        mutating func addTraversal(_ conduit: Conduit, from z1: String, to z2: String) {
            addBarriers(
                conduit, from: index["zone:\(z1)"]!, to: index["zone:\(z2)"]!,
                traversal: EdgeID.traversal(conduit: conduit.id, from: z1, to: z2), outside: isOutside(z1),
                step: { .cross(conduit: conduit.id, from: z1, to: z2, fr: $0, barrier: $1) },
                describe: "from \(zoneName(z1)) to \(zoneName(z2))")
        }

        mutating func addChannel(_ conduit: Conduit, _ channel: Channel) {
            let cid = channel.cid
            let fromNode =
                scenario.assets[channel.from] != nil ? index["asset:\(channel.from)"]! : index["zone:\(channel.from)"]!
            let reach = node(EdgeID.reachNode(conduit: conduit.id, channel: cid))
            let fromZone = scenario.zone(of: channel.from) ?? channel.from
            let toName = scenario.assets[channel.to]?.name ?? zoneName(channel.to)
            let fromName = scenario.assets[channel.from]?.name ?? zoneName(channel.from)
            addBarriers(
                conduit, from: fromNode, to: reach, traversal: EdgeID.traversal(conduit: conduit.id, channel: cid),
                outside: isOutside(fromZone),
                step: { .channel(conduit: conduit.id, channel: cid, fr: $0, barrier: $1) },
                describe: "on the channel \(fromName) → \(toName)\(channel.protocol.map { " (\($0))" } ?? "")")
            if let asset = scenario.assets[channel.to] {
                addTakeover(
                    from: reach, to: index["asset:\(asset.id)"]!, asset: asset,
                    step: { .enter(conduit: conduit.id, channel: cid, target: asset.id, vulnerability: $0) },
                    via: "through the channel from \(fromName)")
            } else {
                edge(
                    .enter(conduit: conduit.id, channel: cid, target: channel.to, vulnerability: nil), reach,
                    index["zone:\(channel.to)"]!, protection: nil,
                    technique: .remoteServices, label: "arrive in \(zoneName(channel.to)) through \(conduit.name)")
            }
        }
    }
}
