import ZoneLabModel

/// What a compiled edge stands for in the plant, for paths told in plant words and for the
/// analyses (which conduit a step crosses, which asset it takes).
public enum AttackStep: Sendable, Hashable {
    /// `exploit:A` or `exploit:A:V`: from presence in the asset's zone to control of the asset.
    case exploit(asset: String, vulnerability: String?)
    /// `pivot:A`: control of an asset gives presence in its zone.
    case pivot(asset: String, zone: String)
    /// `cross:C:Z1>Z2/FR`: one barrier of a conduit crossed from zone Z1 to Z2.
    case cross(conduit: String, from: String, to: String, fr: FR, barrier: Int)
    /// `channel:C:i/FR`: one barrier of channel i of a conduit.
    case channel(conduit: String, index: Int, fr: FR, barrier: Int)
    /// `enter:C:i` or `enter:C:i:V`: from the far side of channel i onto its end.
    case enter(conduit: String, index: Int, target: String, vulnerability: String?)

    /// The conduit this step passes, if any.
    public var conduit: String? {
        switch self {
        case .exploit, .pivot: nil
        case .cross(let c, _, _, _, _), .channel(let c, _, _, _), .enter(let c, _, _, _): c
        }
    }

    /// Whether this is the first barrier of a conduit traversal (where a path enters a conduit).
    public var startsConduit: Bool {
        switch self {
        case .cross(_, _, _, _, let b), .channel(_, _, _, let b): b == 0
        default: false
        }
    }
}
