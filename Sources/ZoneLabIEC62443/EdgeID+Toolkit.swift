import OrderedCollections
import ZoneLabModel

/// The step ids of SPEC 3.5 (credentials, removable media, transient assets, pre-auth
/// vulnerabilities) in the grammar of `EdgeID`.
extension EdgeID {
    /// The three edges of a login: `/via` (the route to the barrier), `/cred` (holding the
    /// credential) into the `and` node, and the login itself out of it.
    public enum LoginPart: String, Sendable, Hashable {
        case via, cred, open
    }

    /// Whether this is one of SPEC 3.5's steps (`harvest:`, `login:`, `media:`, `visit:`, `preauth:`).
    public var isToolkit: Bool {
        switch self {
        case .harvest, .login, .media, .visit, .preauth: true
        default: false
        }
    }

    /// The node of holding credential K: `cred:K`.
    public static func credentialNode(_ credential: String) -> String { "cred:\(credential)" }
    /// The `and` node of a login: `login:K:<traversal>` or `login:K:A`.
    public static func loginNode(credential: String, through: String) -> String { "login:\(credential):\(through)" }
    /// The entry node of removable media.
    public static let mediaNode = "media"

    /// `login:K:<rest>` with an optional `/via` or `/cred`.
    static func parseLogin(_ rest: Substring) -> EdgeID? {
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let credential = rest[..<colon]
        var through = rest[rest.index(after: colon)...]
        var part = LoginPart.open
        if let slash = through.lastIndex(of: "/") {
            switch through[through.index(after: slash)...] {
            case "via": part = .via
            case "cred": part = .cred
            default: return nil
            }
            through = through[..<slash]
        }
        guard isModelID(credential), isLoginTarget(through) else { return nil }
        return .login(credential: String(credential), through: String(through), part: part)
    }

    /// `A:Z`, `A:<traversal>`: a model id, a colon, and the rest.
    static func parseAssetAnd(_ rest: Substring) -> (String, Substring)? {
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let asset = rest[..<colon]
        guard isModelID(asset) else { return nil }
        return (String(asset), rest[rest.index(after: colon)...])
    }

    /// An asset id, or a traversal `cross:C:Z1>Z2` / `channel:C:cid`.
    static func isLoginTarget(_ s: Substring) -> Bool {
        if isModelID(s) { return true }
        return traversalConduit(s) != nil
    }

    /// The conduit of a traversal name, nil for anything else (an asset id).
    static func traversalConduit(_ s: Substring) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let kind = s[..<colon]
        guard kind == "cross" || kind == "channel" else { return nil }
        let rest = s[s.index(after: colon)...]
        guard let second = rest.firstIndex(of: ":") else { return nil }
        let conduit = rest[..<second]
        let body = rest[rest.index(after: second)...]
        guard isModelID(conduit), !body.isEmpty, !body.contains("/") else { return nil }
        if kind == "cross" {
            guard let arrow = body.firstIndex(of: ">"), isModelID(body[..<arrow]),
                isModelID(body[body.index(after: arrow)...])
            else { return nil }
        }
        return String(conduit)
    }

    /// The zones a traversal name runs between (a channel's: its conduit's two zones).
    static func traversalZones(_ s: String, in scenario: Scenario) -> [String] {
        guard let conduit = traversalConduit(Substring(s)) else { return [] }
        if s.hasPrefix("cross:"), let arrow = s.lastIndex(of: ">") {
            let body = s.drop { $0 != ":" }.dropFirst().drop { $0 != ":" }.dropFirst()
            if let a = body.firstIndex(of: ">") { return [String(body[..<a]), String(s[s.index(after: arrow)...])] }
        }
        return scenario.conduits[conduit]?.zones ?? []
    }
}
