import OrderedCollections
import ZoneLabModel

/// Tells a path of edge ids in plant words:
/// "Internet → [IT/DMZ firewall] → Historian (CVE-2022-1234) → [DMZ/control firewall] → Filter PLC".
public struct PathNarrator: Sendable {
    let scenario: Scenario
    let steps: [String: AttackStep]
    /// The index of a traversal's last barrier.
    let lastBarrier: Int

    public init(scenario: Scenario, skeleton: AttackSkeleton) {
        self.scenario = scenario
        steps = Dictionary(uniqueKeysWithValues: skeleton.edges.map { ($0.id, $0.step) })
        lastBarrier = skeleton.calibration.conduitFRs.count - 1
    }

    func name(ofAsset id: String) -> String { scenario.assets[id]?.name ?? id }
    func name(ofZone id: String) -> String { scenario.zones[id]?.name ?? id }
    func name(ofConduit id: String) -> String { scenario.conduits[id]?.name ?? id }

    /// Where a path (or a login's branch) whose first step is `step` starts.
    func start(of step: AttackStep) -> String {
        switch step {
        case .exploit(let asset, _): return name(ofZone: scenario.assets[asset]?.zone ?? asset)
        case .cross(_, let from, _, _, _): return name(ofZone: from)
        case .channel(let c, let cid, _, _):
            let from = scenario.conduits[c]?.channel(withCID: cid)?.from ?? c
            return scenario.assets[from] != nil ? name(ofAsset: from) : name(ofZone: from)
        case .pivot(let asset, _), .harvest(_, let asset), .visit(let asset, _): return name(ofAsset: asset)
        case .enter(let c, _, _, _): return name(ofConduit: c)
        case .media: return "removable media"
        case .login(_, let through, _), .preauth(_, let through, _):
            if let asset = scenario.assets[through] { return name(ofZone: asset.zone) }
            return name(ofZone: EdgeID.traversalZones(through, in: scenario).first ?? through)
        }
    }

    /// The path in words; `entry` names where it starts when the path is empty.
    public func narrate(_ edges: [String], entry: String? = nil) -> String {
        var parts: [String] = []
        guard let first = edges.first, let firstStep = steps[first] else {
            return entry.map { "starts there (\($0) is an entry)" } ?? "(no steps)"
        }
        parts.append(start(of: firstStep))
        var newBranch = false
        for id in edges {
            guard let step = steps[id] else {
                parts.append(id)
                continue
            }
            if newBranch {  // a login's second branch: its route to the barrier, from where it starts
                newBranch = false
                if case .login = step {} else { parts.append(start(of: step)) }
            }
            switch step {
            case .exploit(let asset, let v):
                parts.append(name(ofAsset: asset) + (v.map { " (\($0))" } ?? ""))
            case .enter(_, _, let end, let v):
                if scenario.assets[end] != nil {
                    parts.append(name(ofAsset: end) + (v.map { " (\($0))" } ?? ""))
                } else {
                    parts.append(name(ofZone: end))
                }
            case .pivot:
                continue
            case .harvest, .login, .media, .visit, .preauth:
                if case .login(_, _, .cred) = step { newBranch = true }
                parts += toolkitWords(step)
            case .cross(let c, _, let to, _, let barrier):
                if barrier == 0 { parts.append("[\(name(ofConduit: c))]") }
                if barrier == lastBarrier { parts.append(name(ofZone: to)) }
            case .channel(let c, let cid, _, let barrier):
                if barrier == 0 {
                    let proto = scenario.conduits[c]?.channel(withCID: cid)?.protocol.map { " \($0)" } ?? ""
                    parts.append("[\(name(ofConduit: c))\(proto)]")
                }
            }
        }
        return parts.joined(separator: " → ")
    }
}
