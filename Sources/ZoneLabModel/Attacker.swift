/// An attacker: a capability 1–4 (IEC 62443-3-3), where it starts and how long it tries.
public struct Attacker: Sendable, Hashable, Identifiable {
    public var id: String
    public var capability: Int
    /// Nil: the scenario's `entry`.
    public var entry: [String]?
    /// Nil: the scenario's horizon, else the calibration's for this capability.
    public var horizon: TimeSpan?

    public init(id: String, capability: Int, entry: [String]? = nil, horizon: TimeSpan? = nil) {
        self.id = id
        self.capability = capability
        self.entry = entry
        self.horizon = horizon
    }
}

/// An attacker with its entries and horizon settled.
public struct ResolvedAttacker: Sendable, Hashable, Identifiable {
    public var id: String
    public var capability: Int
    public var entry: [String]
    public var horizonHours: Double

    public init(id: String, capability: Int, entry: [String], horizonHours: Double) {
        self.id = id
        self.capability = capability
        self.entry = entry
        self.horizonHours = horizonHours
    }
}
