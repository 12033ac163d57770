/// A zone: assets that share security requirements (IEC 62443-3-2).
public struct Zone: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Purdue level 0–5, used for layout.
    public var level: Int?
    public var slTarget: SLVector
    public var slAchieved: SLVector
    /// Why a shortfall is accepted, e.g. legacy systems with a compensating countermeasure.
    public var compensating: String?
    /// Cost of raising this zone by one SL.
    public var upgradeCost: Double?

    public init(
        id: String, name: String? = nil, level: Int? = nil, slTarget: SLVector = .init(),
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
}
