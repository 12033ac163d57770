import ZoneLabSource

/// How attacker capability meets protection: the table of SPEC 3.3, the horizons, the FR lists
/// and the IACS-skill rule. Data, not code: scenarios and `--calibration` files override any cell.
public struct Calibration: Sendable, Hashable {
    /// One row of the table: for a gap d = capability − protection, the chance a step is
    /// feasible and how long it takes when it is.
    public struct Cell: Sendable, Hashable {
        public var p: Double
        public var ttc: TimeDistribution

        public init(p: Double, ttc: TimeDistribution) {
            self.p = p
            self.ttc = ttc
        }
    }

    /// The gaps the table covers: capability 1–4 against protection 0–4.
    public static let gaps: ClosedRange<Int> = -3...4
    /// The capabilities of attackers.
    public static let capabilities: ClosedRange<Int> = 1...4

    /// Keyed by gap d in `gaps`.
    public var gap: [Int: Cell]
    /// Default horizon per capability, in hours.
    public var horizonHours: [Int: Double]
    /// The barriers of a conduit traversal, in series.
    public var conduitFRs: [FR]
    /// The avenues onto a host; the weakest decides.
    public var assetFRs: [FR]
    /// Asset types that need IACS-specific skill, compared ignoring case.
    public var iacsTypes: [String]
    /// The lowest capability with IACS-specific skill (5: none has it).
    public var iacsCapability: Int
    /// How much protection rises for attackers without the skill.
    public var iacsPenalty: Int
    /// Expected attempts per year of an attacker of each capability without a `rate` (SPEC 4.1).
    public var rate: [Int: Double] = Calibration.defaultRates
    /// The IAC SL-A from which MFA stops a stolen password (SPEC 3.5; IEC 62443-3-3 SR 1.1 RE 2
    /// asks for multifactor authentication at SL 3); 5: never.
    public var mfaLevel = 3

    /// Probability q that a step is seen, by gap d = capability − monitoring level (SPEC 3.4).
    public var detect: [Int: Double] = Calibration.defaultDetect
    /// Time from alarm to containment, by monitoring level 1–4 (SPEC 3.4).
    public var response: [Int: TimeDistribution] = Calibration.defaultResponse

    /// The default rates: 1: 10, 2: 1, 3: 0.1, 4: 0.01 per year.
    public static let defaultRates: [Int: Double] = [1: 10, 2: 1, 3: 0.1, 4: 0.01]

    public init(
        gap: [Int: Cell], horizonHours: [Int: Double], conduitFRs: [FR], assetFRs: [FR],
        iacsTypes: [String], iacsCapability: Int, iacsPenalty: Int
    ) {
        self.gap = gap
        self.horizonHours = horizonHours
        self.conduitFRs = conduitFRs
        self.assetFRs = assetFRs
        self.iacsTypes = iacsTypes
        self.iacsCapability = iacsCapability
        self.iacsPenalty = iacsPenalty
    }

    /// The defaults of SPEC 3.3 (rationale and sources in docs/calibration.md).
    public static let standard = Calibration(
        gap: [
            4: Cell(p: 0.995, ttc: .lognormal(medianHours: 1, sigma: 1)),
            3: Cell(p: 0.98, ttc: .lognormal(medianHours: 4, sigma: 1)),
            2: Cell(p: 0.95, ttc: .lognormal(medianHours: 12, sigma: 1)),
            1: Cell(p: 0.80, ttc: .lognormal(medianHours: 24, sigma: 1)),
            0: Cell(p: 0.40, ttc: .lognormal(medianHours: 7 * 24, sigma: 1)),
            -1: Cell(p: 0.10, ttc: .lognormal(medianHours: 30 * 24, sigma: 1)),
            -2: Cell(p: 0.02, ttc: .lognormal(medianHours: 90 * 24, sigma: 1)),
            -3: Cell(p: 0.005, ttc: .lognormal(medianHours: 365 * 24, sigma: 1)),
        ],
        horizonHours: [1: 7 * 24, 2: 30 * 24, 3: 90 * 24, 4: 365 * 24],
        conduitFRs: [.RDF, .IAC],
        assetFRs: [.IAC, .UC, .SI],
        iacsTypes: ["plc", "sis", "rtu", "ied", "dcs", "controller"],
        iacsCapability: 3,
        iacsPenalty: 1
    )

    /// The cell for attacker `capability` against step `protection`, the gap clamped to the table.
    public func cell(capability: Int, protection: Int) -> Cell {
        let d = min(max(capability - protection, Self.gaps.lowerBound), Self.gaps.upperBound)
        return gap[d]!
    }

    /// Whether `type` needs IACS-specific skill.
    public func isIACS(type: String?) -> Bool {
        guard let type else { return false }
        let lowered = type.lowercased()
        return iacsTypes.contains { $0.lowercased() == lowered }
    }

    /// The gaps d where the table is not monotone: p rises, or time shrinks, as d falls.
    public var monotonicityViolations: [Int] {
        Self.gaps.dropLast().filter { d in
            let lower = gap[d]!
            let higher = gap[d + 1]!
            return lower.p > higher.p || !lower.ttc.isStochasticallyAtLeast(higher.ttc)
        }
    }

    /// This calibration with `override`'s cells on top.
    public func applying(_ override: CalibrationOverride) -> Calibration {
        var result = self
        for (d, cell) in override.gap {
            var current = result.gap[d]!
            if let p = cell.p { current.p = p }
            if let ttc = cell.ttc { current.ttc = ttc }
            result.gap[d] = current
        }
        for (capability, hours) in override.horizonHours { result.horizonHours[capability] = hours }
        for (d, q) in override.detect { result.detect[d] = q }
        for (level, ttc) in override.response { result.response[level] = ttc }
        if let v = override.conduitFRs { result.conduitFRs = v }
        if let v = override.assetFRs { result.assetFRs = v }
        if let v = override.iacsTypes { result.iacsTypes = v }
        if let v = override.iacsCapability { result.iacsCapability = v }
        if let v = override.iacsPenalty { result.iacsPenalty = v }
        for (capability, rate) in override.rate { result.rate[capability] = rate }
        if let v = override.mfaLevel { result.mfaLevel = v }
        return result
    }
}

/// The cells a scenario's `calibration:` or a `--calibration` file sets; the rest keep their value.
public struct CalibrationOverride: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var p: Double?
        public var ttc: TimeDistribution?

        public init(p: Double? = nil, ttc: TimeDistribution? = nil) {
            self.p = p
            self.ttc = ttc
        }
    }

    public var gap: [Int: Cell] = [:]
    public var horizonHours: [Int: Double] = [:]
    /// SPEC 3.4's `detect` (by gap) and `response` (by monitoring level) cells.
    public var detect: [Int: Double] = [:]
    public var response: [Int: TimeDistribution] = [:]
    public var conduitFRs: [FR]?
    public var assetFRs: [FR]?
    public var iacsTypes: [String]?
    public var iacsCapability: Int?
    public var iacsPenalty: Int?
    public var rate: [Int: Double] = [:]
    /// SPEC 3.5's `mfa_level`, 1–5.
    public var mfaLevel: Int?

    public init() {}
}
