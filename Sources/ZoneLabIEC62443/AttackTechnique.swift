import ZoneLabModel

/// A MITRE ATT&CK for ICS technique, as the compiled steps carry them.
public struct AttackTechnique: Sendable, Hashable {
    public let id: String

    public init(_ id: String) { self.id = id }

    /// The technique's name in ATT&CK for ICS v18.1, nil for an unknown id.
    public var name: String? { Self.table[id]?.name }

    /// T0822 External Remote Services: entering the plant from outside (internet, vendor access).
    public static let externalRemoteServices = AttackTechnique("T0822")
    /// T0886 Remote Services: traffic through a conduit's allowed services.
    public static let remoteServices = AttackTechnique("T0886")
    /// T0859 Valid Accounts: passing authentication with stolen or default credentials.
    public static let validAccounts = AttackTechnique("T0859")
    /// T0866 Exploitation of Remote Services: a vulnerability exploited over the network.
    public static let exploitationOfRemoteServices = AttackTechnique("T0866")
    /// T0819 Exploit Public-Facing Application: a DMZ service facing a less trusted zone.
    public static let exploitPublicFacingApplication = AttackTechnique("T0819")
    /// T0843 Program Download: taking control of a controller by loading logic.
    public static let programDownload = AttackTechnique("T0843")
    /// T0890 Exploitation for Privilege Escalation.
    public static let privilegeEscalation = AttackTechnique("T0890")
    /// T0867 Lateral Tool Transfer: tools staged on a foothold to act in its zone.
    public static let lateralToolTransfer = AttackTechnique("T0867")
    /// T0842 Network Sniffing.
    public static let networkSniffing = AttackTechnique("T0842")
    /// T0872 Indicator Removal on Host.
    public static let indicatorRemoval = AttackTechnique("T0872")
    /// T0814 Denial of Service.
    public static let denialOfService = AttackTechnique("T0814")

    /// The technique that overcomes a barrier of this FR in a conduit.
    public static func barrier(_ fr: FR) -> AttackTechnique {
        switch fr {
        case .RDF: remoteServices
        case .IAC: validAccounts
        case .UC: privilegeEscalation
        case .SI: exploitationOfRemoteServices
        case .DC: networkSniffing
        case .TRE: indicatorRemoval
        case .RA: denialOfService
        }
    }
}
