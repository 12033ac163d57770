/// What an edge id of a compiled plant says (SPEC 3.2), read from the id alone so that paths of
/// a results file can be drawn without compiling. Model ids contain no `:`, `>` or `/`.
public enum PathStep: Sendable, Hashable {
    /// `exploit:A` or `exploit:A:V`: from presence in A's zone to control of A.
    case exploit(asset: String)
    /// `pivot:A`: from control of A to presence in A's zone.
    case pivot(asset: String)
    /// `cross:C:Z1>Z2/FR`: a barrier of conduit C from zone Z1 to zone Z2.
    case cross(conduit: String, from: String, to: String)
    /// `channel:C:i/FR`: a barrier of channel i of conduit C.
    case channel(conduit: String, index: Int)
    /// `enter:C:i` or `enter:C:i:V`: from the far side of channel i onto its end.
    case enter(conduit: String, index: Int)

    /// The step an edge id names, nil for ids of another form.
    public init?(edgeID id: String) {
        let fields = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2, !fields[1].isEmpty else { return nil }
        switch fields[0] {
        case "exploit" where fields.count <= 3:
            self = .exploit(asset: fields[1])
        case "pivot" where fields.count == 2:
            self = .pivot(asset: fields[1])
        case "cross" where fields.count == 3:
            // Z1>Z2/FR
            let hop = fields[2].split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            let zones = hop.split(separator: ">", omittingEmptySubsequences: false).map(String.init)
            guard zones.count == 2, !zones[0].isEmpty, !zones[1].isEmpty else { return nil }
            self = .cross(conduit: fields[1], from: zones[0], to: zones[1])
        case "channel" where fields.count == 3:
            guard let i = fields[2].split(separator: "/", maxSplits: 1).first.flatMap({ Int($0) }), i >= 0 else { return nil }
            self = .channel(conduit: fields[1], index: i)
        case "enter" where fields.count == 3 || fields.count == 4:
            guard let i = Int(fields[2]), i >= 0 else { return nil }
            self = .enter(conduit: fields[1], index: i)
        default:
            return nil
        }
    }

    /// The conduit this step passes, if any.
    public var conduit: String? {
        switch self {
        case .exploit, .pivot: nil
        case .cross(let c, _, _), .channel(let c, _), .enter(let c, _): c
        }
    }
}
