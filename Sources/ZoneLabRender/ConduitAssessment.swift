import ZoneLabModel

/// How weak a conduit is: its static SL gaps and, with results, its criticality for one attacker.
public struct ConduitAssessment: Sendable, Hashable {
    public var conduit: String
    /// FRs with SL-A below SL-T and by how much, in FR order.
    public var gaps: [FRGap]
    /// Share of the attacker's compromises whose path crosses the conduit; nil without results.
    public var criticality: Double?
    /// From which criticality on a conduit counts as weak.
    public var criticalityThreshold: Double

    public struct FRGap: Sendable, Hashable {
        public var fr: FR
        public var gap: Int
    }

    public init(_ conduit: Conduit, in scenario: Scenario, criticality: Double? = nil, threshold: Double = 0.25) {
        self.conduit = conduit.id
        gaps = conduit.slAchieved.gaps(to: scenario.slTarget(of: conduit)).map { FRGap(fr: $0.fr, gap: $0.gap) }
        self.criticality = criticality
        criticalityThreshold = threshold
    }

    /// The largest gap over the FRs (0 when none).
    public var maxGap: Int { gaps.map(\.gap).max() ?? 0 }

    /// Whether the attacker's paths lean on this conduit.
    public var isCritical: Bool { (criticality ?? 0) >= criticalityThreshold }

    /// Weak: a static gap of 2 or more, or critical for the attacker shown.
    public var isWeak: Bool { maxGap >= 2 || isCritical }

    /// Line colour: red when weak, else by static gap (green none, orange 1).
    public var color: String { isCritical ? PictureStyle.gapColor(2) : PictureStyle.gapColor(maxGap) }

    /// `gap RDF 2, IAC 1` or `no gap`.
    public var gapText: String {
        gaps.isEmpty ? "no SL gap" : "gap " + Formatting.gaps(gaps.map { ($0.fr, $0.gap) })
    }
}
