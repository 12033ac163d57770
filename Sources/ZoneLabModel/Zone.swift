/// A zone: assets that share security requirements (IEC 62443-3-2).
public struct Zone: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Purdue level 0–5 or 3.5 (the IT/OT DMZ), used for layout.
    public var level: Double?
    public var slTarget: SLVector
    public var slAchieved: SLVector
    /// Why a shortfall is accepted, e.g. legacy systems with a compensating countermeasure.
    public var compensating: String?
    /// Cost of raising this zone by one SL.
    public var upgradeCost: Double?

    public init(
        id: String, name: String? = nil, level: Double? = nil, slTarget: SLVector = .init(),
        slAchieved: SLVector = .init(), compensating: String? = nil, upgradeCost: Double? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.level = level
        self.slTarget = slTarget
        self.slAchieved = slAchieved
        self.compensating = compensating
        self.upgradeCost = upgradeCost
    }

    /// The level as written: `3`, `3.5`.
    public var levelText: String? { level.map(Self.levelText) }

    /// A Purdue level as written: `3`, `3.5`.
    public static func levelText(_ level: Double) -> String {
        level == level.rounded() && abs(level) < 1e9 ? String(Int(level)) : String(level)
    }
}
