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
            _ id: String, _ from: Int, _ to: Int, protection: Int?, iacs: Bool = false, step: AttackStep,
            technique: AttackTechnique, label: String
        ) {
            edges.append(.init(
                id: id, from: from, to: to, protection: protection, needsIACSSkill: iacs, step: step,
                technique: technique, label: label))
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
                addTakeover(from: z, to: a, idPrefix: "exploit:\(asset.id)", asset: asset, step: { .exploit(asset: asset.id, vulnerability: $0) },
                            via: "in \(zoneName(asset.zone))")
                edge("pivot:\(asset.id)", a, z, protection: nil, step: .pivot(asset: asset.id, zone: asset.zone),
                     technique: .lateralToolTransfer, label: "use \(asset.name) as a foothold in \(zoneName(asset.zone))")
            }
            for conduit in scenario.conduits.values {
                guard let channels = conduit.channels else {
                    let (z1, z2) = (conduit.zones[0], conduit.zones[1])
                    addTraversal(conduit, from: z1, to: z2)
                    if conduit.direction == .both { addTraversal(conduit, from: z2, to: z1) }
                    continue
                }
                for (i, channel) in channels.enumerated() {
                    addChannel(conduit, channel, index: i)
                }
            }
        }

        /// `exploit:A` (or `enter:C:i`) and one more edge per vulnerability, with capped protection.
        mutating func addTakeover(
            from: Int, to: Int, idPrefix: String, asset: Asset, step: (String?) -> AttackStep, via: String
        ) {
            let base = protection(of: asset)
            let iacs = calibration.isIACS(type: asset.type)
            edge(idPrefix, from, to, protection: base, iacs: iacs, step: step(nil), technique: takeoverTechnique(asset),
                 label: "take over \(asset.name) \(via)")
            for v in asset.vulnerabilities {
                edge("\(idPrefix):\(v.id)", from, to, protection: min(base, v.protectionCap), iacs: iacs, step: step(v.id),
                     technique: .exploitationOfRemoteServices,
                     label: "exploit \(v.id) (\(v.severity.rawValue)\(v.exploit == .public ? ", public exploit" : "")) on \(asset.name)")
            }
        }

        /// A chain of barriers, one per FR of `conduit_frs`, each a step with that FR's SL-A.
        mutating func addBarriers(
            _ conduit: Conduit, from: Int, to: Int, traversal: String, gatePrefix: String, outside: Bool,
            step: (FR, Int) -> AttackStep, describe: String
        ) {
            let frs = calibration.conduitFRs
            var current = from
            for (k, fr) in frs.enumerated() {
                let next = k + 1 < frs.count ? node("\(gatePrefix)/\(frs[k + 1].rawValue)") : to
                let technique: AttackTechnique = (k == 0 && outside) ? .externalRemoteServices : .barrier(fr)
                edge("\(traversal)/\(fr.rawValue)", current, next, protection: conduit.slAchieved[fr], step: step(fr, k),
                     technique: technique, label: "pass \(conduit.name) (\(fr.rawValue) SL \(conduit.slAchieved[fr])) \(describe)")
                current = next
            }
        }

        mutating func addTraversal(_ conduit: Conduit, from z1: String, to z2: String) {
            let name = "\(conduit.id):\(z1)>\(z2)"
            addBarriers(
                conduit, from: index["zone:\(z1)"]!, to: index["zone:\(z2)"]!, traversal: "cross:\(name)",
                gatePrefix: "gate:\(name)", outside: isOutside(z1),
                step: { .cross(conduit: conduit.id, from: z1, to: z2, fr: $0, barrier: $1) },
                describe: "from \(zoneName(z1)) to \(zoneName(z2))")
        }

        mutating func addChannel(_ conduit: Conduit, _ channel: Channel, index i: Int) {
            let fromNode = scenario.assets[channel.from] != nil ? index["asset:\(channel.from)"]! : index["zone:\(channel.from)"]!
            let reach = node("reach:\(conduit.id):\(i)")
            let fromZone = scenario.zone(of: channel.from) ?? channel.from
            let toName = scenario.assets[channel.to]?.name ?? zoneName(channel.to)
            let fromName = scenario.assets[channel.from]?.name ?? zoneName(channel.from)
            addBarriers(
                conduit, from: fromNode, to: reach, traversal: "channel:\(conduit.id):\(i)",
                gatePrefix: "gate:\(conduit.id):\(i)", outside: isOutside(fromZone),
                step: { .channel(conduit: conduit.id, index: i, fr: $0, barrier: $1) },
                describe: "on the channel \(fromName) → \(toName)\(channel.protocol.map { " (\($0))" } ?? "")")
            if let asset = scenario.assets[channel.to] {
                addTakeover(from: reach, to: index["asset:\(asset.id)"]!, idPrefix: "enter:\(conduit.id):\(i)", asset: asset,
                            step: { .enter(conduit: conduit.id, index: i, target: asset.id, vulnerability: $0) },
                            via: "through the channel from \(fromName)")
            } else {
                edge("enter:\(conduit.id):\(i)", reach, index["zone:\(channel.to)"]!, protection: nil,
                     step: .enter(conduit: conduit.id, index: i, target: channel.to, vulnerability: nil),
                     technique: .remoteServices, label: "arrive in \(zoneName(channel.to)) through \(conduit.name)")
            }
        }
    }
}
