import OrderedCollections
import ZoneLabModel

extension PathNarrator {
    /// SPEC 3.5's steps in plant words: "harvested Vendor VPN accounts on Engineering laptop",
    /// "logged in through Vendor VPN", "removable media → HMI 3", "Engineering laptop carried
    /// into Control", "VPN appliance (CVE-2018-13379, pre-auth)". A login's `/via` and `/cred`
    /// say nothing: the route and the theft before them do.
    func toolkitWords(_ step: AttackStep) -> [String] {
        switch step {
        case .harvest(let k, let a):
            return ["harvested \(scenario.credentials[k]?.name ?? k) on \(name(ofAsset: a))"]
        case .login(let k, let through, .open):
            let credential = scenario.credentials[k]?.name ?? k
            if scenario.assets[through] != nil {
                return ["logged in to \(name(ofAsset: through)) with \(credential)"]
            }
            guard let id = EdgeID(through + "/IAC"), let conduit = id.conduit else { return [] }
            var words = ["logged in through \(name(ofConduit: conduit)) with \(credential)"]
            if case .cross(_, _, let to, _) = id { words.append(name(ofZone: to)) }
            return words
        case .media(let a, let v):
            return [name(ofAsset: a) + (v.map { " (\($0))" } ?? "")]
        case .visit(let a, let z):
            return ["\(name(ofAsset: a)) carried into \(name(ofZone: z))"]
        case .preauth(let a, _, let v):
            return ["\(name(ofAsset: a)) (\(v), pre-auth)"]
        default:
            return []
        }
    }
}
