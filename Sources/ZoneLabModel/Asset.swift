/// A severity of a known vulnerability.
public enum Severity: String, CaseIterable, Sendable, Hashable {
    case low, medium, high, critical
}

/// Whether exploit code for a vulnerability is public.
public enum ExploitAvailability: String, CaseIterable, Sendable, Hashable {
    case `public`, none
}

/// A known vulnerability of an asset.
public struct Vulnerability: Sendable, Hashable, Identifiable {
    public var id: String
    public var severity: Severity
    public var exploit: ExploitAvailability
    /// Exploitable before authentication (SPEC 3.5): a `preauth:` step skips the IAC barrier.
    public var preauth: Bool

    public init(id: String, severity: Severity, exploit: ExploitAvailability = .none, preauth: Bool = false) {
        self.id = id
        self.severity = severity
        self.exploit = exploit
        self.preauth = preauth
    }

    /// The protection this vulnerability leaves at most (SPEC 3.2): a public critical exploit caps it at 0.
    public var protectionCap: Int {
        switch (severity, exploit) {
        case (.critical, .public): 0
        case (.critical, .none), (.high, .public): 1
        case (.high, .none), (.medium, .public): 2
        case (.medium, .none), (.low, _): 3
        }
    }
}

/// A device or host in a zone.
public struct Asset: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var zone: String
    /// Free text: plc, hmi, ews, historian, server, workstation, rtu, sis, firewall, ...
    public var type: String?
    /// A target of the analysis.
    public var critical: Bool
    /// The FRs this asset sets itself; the others come from its zone.
    public var slAchievedOverrides: [FR: Int]
    public var vulnerabilities: [Vulnerability]
    /// What its compromise costs (`impact`, `loss`; SPEC 4.1), for critical assets.
    public var consequence = Consequence()
    /// Accepts removable media (SPEC 3.5).
    public var media = false
    /// Zones it is carried into now and then (SPEC 3.5).
    public var transient: [TransientVisit] = []
    /// What an asset inventory knows of it (SPEC 8): ip, mac, vendor, model, firmware.
    public var inventory: Inventory?

    public init(
        id: String, name: String? = nil, zone: String, type: String? = nil, critical: Bool = false,
        slAchievedOverrides: [FR: Int] = [:], vulnerabilities: [Vulnerability] = []
    ) {
        self.id = id
        self.name = name ?? id
        self.zone = zone
        self.type = type
        self.critical = critical
        self.slAchievedOverrides = slAchievedOverrides
        self.vulnerabilities = vulnerabilities
    }

    /// The asset's SL-A: its own FRs over its zone's.
    public func slAchieved(in zone: Zone) -> SLVector {
        var vector = zone.slAchieved
        for (fr, level) in slAchievedOverrides { vector.assess(fr, level) }
        return vector
    }
}
