import ZoneLabModel

/// What a compiled edge stands for in the plant, for paths told in plant words and for the
/// analyses (which conduit a step crosses, which asset it takes).
public enum AttackStep: Sendable, Hashable {
    /// `exploit:A`: from presence in the asset's zone to control of the asset; `vulnerability`
    /// names the CVE that set the protection, if one did.
    case exploit(asset: String, vulnerability: String?)
    /// `pivot:A`: control of an asset gives presence in its zone.
    case pivot(asset: String, zone: String)
    /// `cross:C:Z1>Z2/FR`: one barrier of a conduit crossed from zone Z1 to Z2.
    case cross(conduit: String, from: String, to: String, fr: FR, barrier: Int)
    /// `channel:C:cid/FR`: one barrier of channel `cid` of a conduit.
    case channel(conduit: String, channel: String, fr: FR, barrier: Int)
    /// `enter:C:cid`: from the far side of channel `cid` onto its end (an asset or a zone).
    case enter(conduit: String, channel: String, target: String, vulnerability: String?)
    /// `harvest:K:A`: credential K taken from asset A, where it is stored (SPEC 3.5).
    case harvest(credential: String, asset: String)
    /// `login:K:<traversal>` or `login:K:A` and its `/via` and `/cred` in-edges (SPEC 3.5).
    case login(credential: String, through: String, part: EdgeID.LoginPart)
    /// `media:A`: removable media plugged into asset A (SPEC 3.5); `vulnerability` as for `exploit:`.
    case media(asset: String, vulnerability: String?)
    /// `visit:A:Z`: transient asset A connected to zone Z (SPEC 3.5).
    case visit(asset: String, zone: String)
    /// `preauth:A:<traversal>`: a pre-authentication vulnerability of A exploited from before the
    /// traversal's IAC barrier (SPEC 3.5).
    case preauth(asset: String, through: String, vulnerability: String)

    /// The step's id (SPEC 3.2), in the one grammar of `EdgeID`.
    public var id: EdgeID {
        switch self {
        case .exploit(let a, _): .exploit(asset: a)
        case .pivot(let a, _): .pivot(asset: a)
        case .cross(let c, let z1, let z2, let fr, _): .cross(conduit: c, from: z1, to: z2, fr: fr)
        case .channel(let c, let cid, let fr, _): .channel(conduit: c, channel: cid, fr: fr)
        case .enter(let c, let cid, _, _): .enter(conduit: c, channel: cid)
        case .harvest(let k, let a): .harvest(credential: k, asset: a)
        case .login(let k, let through, let part): .login(credential: k, through: through, part: part)
        case .media(let a, _): .media(asset: a)
        case .visit(let a, let z): .visit(asset: a, zone: z)
        case .preauth(let a, let through, _): .preauth(asset: a, through: through)
        }
    }

    /// The vulnerability that set the step's protection, if any.
    public var vulnerability: String? {
        switch self {
        case .exploit(_, let v), .enter(_, _, _, let v), .media(_, let v): v
        case .preauth(_, _, let v): v
        default: nil
        }
    }

    /// The conduit this step passes, if any.
    public var conduit: String? { id.conduit }

    /// Whether this is the first barrier of a conduit traversal (where a path enters a conduit).
    public var startsConduit: Bool {
        switch self {
        case .cross(_, _, _, _, let b), .channel(_, _, _, let b): b == 0
        default: false
        }
    }
}
