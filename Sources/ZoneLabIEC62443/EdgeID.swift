import OrderedCollections
import ZoneLabModel

/// The one grammar of the step ids a compiled plant's edges carry (SPEC 3.2). The compiler
/// builds ids with `description`; every place that reads an id (paths told in plant words,
/// conduit criticality, the zones a path crosses, pictures of a results file) parses it with
/// `init?(_:)`, so adding a step kind means changing this type only.
///
/// Model ids match `[A-Za-z0-9_.-]+` and hold no `:`, `>` or `/`; a channel's content id
/// (`<from>><to>:<protocol>`) may hold one `>` and one `:` but never a `/`, so the first `:`
/// ends a model id and the last `/` starts an FR.
public enum EdgeID: Sendable, Hashable, CustomStringConvertible {
    /// `exploit:A`: from presence in A's zone to control of A.
    case exploit(asset: String)
    /// `pivot:A`: from control of A to presence in A's zone.
    case pivot(asset: String)
    /// `cross:C:Z1>Z2/FR`: the FR barrier of conduit C, crossed from zone Z1 to zone Z2.
    case cross(conduit: String, from: String, to: String, fr: FR)
    /// `channel:C:cid/FR`: the FR barrier of channel `cid` of conduit C.
    case channel(conduit: String, channel: String, fr: FR)
    /// `enter:C:cid`: from the far side of channel `cid` onto its end.
    case enter(conduit: String, channel: String)
    /// `harvest:K:A`: credential K taken from asset A (SPEC 3.5).
    case harvest(credential: String, asset: String)
    /// `login:K:<traversal>` or `login:K:A`, with `/via` or `/cred` for its in-edges (SPEC 3.5).
    case login(credential: String, through: String, part: LoginPart)
    /// `media:A`: removable media into asset A (SPEC 3.5).
    case media(asset: String)
    /// `visit:A:Z`: transient asset A connected to zone Z (SPEC 3.5).
    case visit(asset: String, zone: String)
    /// `preauth:A:<traversal>`: a pre-auth vulnerability of A exploited through a traversal.
    case preauth(asset: String, through: String)

    public var description: String {
        switch self {
        case .exploit(let a): "exploit:\(a)"
        case .pivot(let a): "pivot:\(a)"
        case .cross(let c, let z1, let z2, let fr): "\(Self.traversal(conduit: c, from: z1, to: z2))/\(fr.rawValue)"
        case .channel(let c, let cid, let fr): "\(Self.traversal(conduit: c, channel: cid))/\(fr.rawValue)"
        case .enter(let c, let cid): "enter:\(c):\(cid)"
        case .harvest(let k, let a): "harvest:\(k):\(a)"
        case .login(let k, let through, let part):
            Self.loginNode(credential: k, through: through) + (part == .open ? "" : "/\(part.rawValue)")
        case .media(let a): "media:\(a)"
        case .visit(let a, let z): "visit:\(a):\(z)"
        case .preauth(let a, let through): "preauth:\(a):\(through)"
        }
    }

    /// `cross:C:Z1>Z2`, the name of a traversal of a conduit without channels.
    public static func traversal(conduit: String, from: String, to: String) -> String {
        "cross:\(conduit):\(from)>\(to)"
    }
    /// `channel:C:cid`, the name of a channel's traversal.
    public static func traversal(conduit: String, channel: String) -> String { "channel:\(conduit):\(channel)" }
    /// The node at the far side of a channel: `reach:C:cid`.
    public static func reachNode(conduit: String, channel: String) -> String { "reach:\(conduit):\(channel)" }
    /// The node between two barriers of a traversal: `gate:C:Z1>Z2/FR` or `gate:C:cid/FR`, named
    /// after the FR of the barrier ahead.
    public static func gateNode(traversal: String, next fr: FR) -> String {
        let body = traversal.drop { $0 != ":" }.dropFirst()  // drop `cross:` or `channel:`
        return "gate:\(body)/\(fr.rawValue)"
    }

    /// The step an id names; nil for ids of another form (a graph file's own ids).
    public init?(_ id: String) {
        guard let colon = id.firstIndex(of: ":") else { return nil }
        let kind = id[..<colon]
        let rest = id[id.index(after: colon)...]
        switch kind {
        case "exploit", "pivot":
            guard Self.isModelID(rest) else { return nil }
            self = kind == "exploit" ? .exploit(asset: String(rest)) : .pivot(asset: String(rest))
        case "cross":
            guard let (c, body, fr) = Self.split(rest, withFR: true), let fr,
                let arrow = body.firstIndex(of: ">")
            else { return nil }
            let z1 = body[..<arrow]
            let z2 = body[body.index(after: arrow)...]
            guard Self.isModelID(z1), Self.isModelID(z2) else { return nil }
            self = .cross(conduit: c, from: String(z1), to: String(z2), fr: fr)
        case "channel":
            guard let (c, cid, fr) = Self.split(rest, withFR: true), let fr, !cid.isEmpty else { return nil }
            self = .channel(conduit: c, channel: String(cid), fr: fr)
        case "enter":
            guard let (c, cid, _) = Self.split(rest, withFR: false), !cid.isEmpty else { return nil }
            self = .enter(conduit: c, channel: String(cid))
        case "harvest", "visit":
            guard let (first, second) = Self.parseAssetAnd(rest), Self.isModelID(second) else { return nil }
            self =
                kind == "harvest"
                ? .harvest(credential: first, asset: String(second)) : .visit(asset: first, zone: String(second))
        case "login":
            guard let login = Self.parseLogin(rest) else { return nil }
            self = login
        case "media":
            guard Self.isModelID(rest) else { return nil }
            self = .media(asset: String(rest))
        case "preauth":
            guard let (asset, through) = Self.parseAssetAnd(rest), Self.traversalConduit(through) != nil else {
                return nil
            }
            self = .preauth(asset: asset, through: String(through))
        default:
            return nil
        }
    }

    /// `C:body/FR` (or `C:body`) into its parts; nil when C is not a model id.
    private static func split(_ text: Substring, withFR: Bool) -> (String, Substring, FR?)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let conduit = text[..<colon]
        var body = text[text.index(after: colon)...]
        guard isModelID(conduit) else { return nil }
        guard withFR else { return body.contains("/") ? nil : (String(conduit), body, nil) }
        guard let slash = body.lastIndex(of: "/"), let fr = FR(rawValue: String(body[body.index(after: slash)...]))
        else {
            return nil
        }
        body = body[..<slash]
        return (String(conduit), body, fr)
    }

    /// `[A-Za-z0-9_.-]+`, checked on the UTF-8 bytes (the ASCII letters are exactly the ASCII
    /// scalars with the Unicode Alphabetic property; any byte of a non-ASCII scalar fails).
    static func isModelID(_ s: Substring) -> Bool {
        !s.isEmpty
            && s.utf8.allSatisfy { b in
                let letter = b | 0x20
                return (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            }
    }

    /// The conduit this step passes, if any.
    public var conduit: String? {
        switch self {
        case .exploit, .pivot, .harvest, .media, .visit: nil
        case .cross(let c, _, _, _), .channel(let c, _, _), .enter(let c, _): c
        case .login(_, let through, _), .preauth(_, let through): Self.traversalConduit(Substring(through))
        }
    }

    /// The asset this step takes control of or uses, if any (`enter` names only its channel).
    public var asset: String? {
        switch self {
        case .exploit(let a), .pivot(let a), .harvest(_, let a), .media(let a), .visit(let a, _), .preauth(let a, _): a
        case .login(_, let through, _): Self.traversalConduit(Substring(through)) == nil ? through : nil
        default: nil
        }
    }

    /// The FR barrier this step passes, for conduit traversals.
    public var fr: FR? {
        switch self {
        case .cross(_, _, _, let fr), .channel(_, _, let fr): fr
        default: nil
        }
    }
}
