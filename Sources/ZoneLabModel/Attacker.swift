/// An attacker: a capability 1–4 (IEC 62443-3-3), where it starts and how long it tries.
public struct Attacker: Sendable, Hashable, Identifiable {
    public var id: String
    public var capability: Int
    /// Nil: the scenario's `entry`.
    public var entry: [String]?
    /// Nil: the scenario's horizon, else the calibration's for this capability.
    public var horizon: TimeSpan?
    /// Expected attempts per year (SPEC 4.1); nil: the calibration's rate for its capability.
    public var rate: Double?
    /// Brings removable media (SPEC 3.5); listed attackers default to false.
    public var media = false

    public init(id: String, capability: Int, entry: [String]? = nil, horizon: TimeSpan? = nil, rate: Double? = nil) {
        self.id = id
        self.capability = capability
        self.entry = entry
        self.horizon = horizon
        self.rate = rate
    }
}

/// An attacker with its entries and horizon settled.
public struct ResolvedAttacker: Sendable, Hashable, Identifiable {
    public var id: String
    public var capability: Int
    public var entry: [String]
    public var horizonHours: Double
    /// Expected attempts per year.
    public var rate: Double
    /// Starts also at the `media` node (SPEC 3.5).
    public var media = false

    public init(id: String, capability: Int, entry: [String], horizonHours: Double, rate: Double = 0) {
        self.id = id
        self.capability = capability
        self.entry = entry
        self.horizonHours = horizonHours
        self.rate = rate
    }
}
