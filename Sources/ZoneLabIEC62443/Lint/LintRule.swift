import ZoneLabSource

/// An architecture rule of `zonelab lint` (SPEC 8): a stable id, a severity and a docs page
/// (docs/lint/ZLnnn.md: what, why with its IEC 62443 clause, how to fix).
public enum LintRule: String, CaseIterable, Sendable, Hashable {
    case purdueLevelSkip = "ZL001"
    case entryIntoControl = "ZL002"
    case sisNotIsolated = "ZL003"
    case conduitBelowZoneTarget = "ZL004"
    case remoteAccessBypassesDMZ = "ZL005"
    case criticalAssetInEntryZone = "ZL006"
    case openConduitAcrossTargets = "ZL007"
    case credentialStoredBelowTarget = "ZL008"
    case notAssessed = "ZL009"

    public var id: String { rawValue }

    /// The first three and the critical asset in an entry zone are errors; the others warnings.
    public var severity: Diagnostic.Severity {
        switch self {
        case .purdueLevelSkip, .entryIntoControl, .sisNotIsolated, .criticalAssetInEntryZone: .error
        default: .warning
        }
    }

    /// A short name, in the style SARIF asks for (PascalCase).
    public var name: String {
        switch self {
        case .purdueLevelSkip: "ConduitSkipsPurdueLevels"
        case .entryIntoControl: "EntryZoneConduitIntoControl"
        case .sisNotIsolated: "SafetySystemNotIsolated"
        case .conduitBelowZoneTarget: "ConduitBelowZoneTarget"
        case .remoteAccessBypassesDMZ: "RemoteAccessBypassesDMZ"
        case .criticalAssetInEntryZone: "CriticalAssetInEntryZone"
        case .openConduitAcrossTargets: "OpenConduitAcrossSecurityLevels"
        case .credentialStoredBelowTarget: "CredentialStoredBelowTarget"
        case .notAssessed: "NoAssessedFR"
        }
    }

    /// One sentence: what the rule finds.
    public var summary: String {
        switch self {
        case .purdueLevelSkip:
            "A conduit joins zones more than one Purdue level apart, and neither is the IT/OT DMZ (level 3.5)."
        case .entryIntoControl: "An entry zone has a conduit straight into a zone at Purdue level 0-2."
        case .sisNotIsolated:
            "A zone holds a safety system (sis) together with other asset types, or has conduits to more than one other zone."
        case .conduitBelowZoneTarget:
            "A conduit's SL-A is below the lower SL-T of its two zones on an FR the conduit's SL-A assesses."
        case .remoteAccessBypassesDMZ:
            "A zone with a vpn, gateway or remote-access asset is reached from an entry zone and has a conduit to a non-entry zone that is not the DMZ (level 3.5)."
        case .criticalAssetInEntryZone: "A critical asset lies in an entry zone."
        case .openConduitAcrossTargets:
            "A conduit that carries traffic both ways joins zones of different SL-T and has no channel list."
        case .credentialStoredBelowTarget:
            "A credential is stored on an asset in a zone of lower SL-T than a zone it grants access into."
        case .notAssessed: "A zone or conduit has no assessed FR in its SL-A."
        }
    }

    /// The docs page, relative to the repository root.
    public var docsPath: String { "docs/lint/\(id).md" }
}

/// One finding: a rule broken at an item of the scenario file.
public struct LintFinding: Sendable, Hashable {
    public var rule: LintRule
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(rule: LintRule, file: String, location: SourceLocation, message: String) {
        self.rule = rule
        self.file = file
        self.location = location
        self.message = message
    }

    public var severity: Diagnostic.Severity { rule.severity }

    /// `FILE:LINE:COLUMN: error|warning: [ZLnnn] MESSAGE`.
    public var diagnostic: Diagnostic {
        Diagnostic(severity, file: file, at: location, "[\(rule.id)] \(message)")
    }
}
