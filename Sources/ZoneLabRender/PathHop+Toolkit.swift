import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

extension PathHop.Tracer {
    /// SPEC 3.5's steps: a login through a conduit is drawn as its traversal, a login to an asset
    /// or a pre-auth exploit as taking that asset; a harvest draws nothing where it stands, and
    /// the login's credential branch ends there (the route to the barrier starts afresh);
    /// removable media and a transient visit start from the asset they use.
    mutating func toolkitStep(_ step: EdgeID) {
        switch step {
        case .harvest(_, let a), .media(let a):
            standOn(a)
        case .login(_, let through, let part):
            switch part {
            case .via:
                return
            case .cred:
                flush()
                position = nil
                traversal = nil
            case .open:
                if scenario.assets[through] != nil {
                    self.step(.exploit(asset: through))
                } else {
                    self.step(through + "/IAC")
                }
            }
        case .visit(let a, let z):
            guard scenario.assets[a] != nil, scenario.zones[z] != nil else {
                unplaced += 1
                return
            }
            flush()
            add(PathHop(from: .asset(a), to: .zone(z), conduit: nil))
            position = .zone(z)
            traversal = nil
        case .preauth(let a, let through):
            self.step(through + "/IAC")
            self.step(.exploit(asset: a))
        default:
            return
        }
    }
}
