/// The seven foundational requirements of IEC 62443-3-3.
public enum FR: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    /// FR 1, identification and authentication control.
    case IAC
    /// FR 2, use control.
    case UC
    /// FR 3, system integrity.
    case SI
    /// FR 4, data confidentiality.
    case DC
    /// FR 5, restricted data flow.
    case RDF
    /// FR 6, timely response to events.
    case TRE
    /// FR 7, resource availability.
    case RA

    /// 1 for IAC ... 7 for RA.
    public var number: Int { FR.allCases.firstIndex(of: self)! + 1 }

    /// The requirement's name in the standard.
    public var title: String {
        switch self {
        case .IAC: "Identification and authentication control"
        case .UC: "Use control"
        case .SI: "System integrity"
        case .DC: "Data confidentiality"
        case .RDF: "Restricted data flow"
        case .TRE: "Timely response to events"
        case .RA: "Resource availability"
        }
    }

    public static func < (lhs: FR, rhs: FR) -> Bool { lhs.number < rhs.number }
}
