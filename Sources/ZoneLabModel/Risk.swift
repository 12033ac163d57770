/// A consequence rating on the site's own 1 (negligible) … 5 (catastrophic) scale (IEC 62443-3-2
/// ZCR 2/5): one number, or a map of categories whose largest value counts.
public struct Impact: Sendable, Hashable {
    /// The categories SPEC 4.1 names.
    public static let categories = ["safety", "environment", "production", "finance", "reputation"]

    /// Per category, when given as a map (in the file's order); empty for a scalar.
    public var byCategory: [(category: String, level: Int)]
    /// The level that counts: the scalar, or the largest category.
    public var level: Int

    public init(level: Int) {
        self.level = level
        byCategory = []
    }

    public init(byCategory: [(category: String, level: Int)]) {
        self.byCategory = byCategory
        level = byCategory.map(\.level).max() ?? 1
    }

    /// The categories that set the level, e.g. `safety`.
    public var leadingCategories: [String] { byCategory.filter { $0.level == level }.map(\.category) }

    public static func == (a: Impact, b: Impact) -> Bool {
        a.level == b.level && a.byCategory.map(\.category) == b.byCategory.map(\.category)
            && a.byCategory.map(\.level) == b.byCategory.map(\.level)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(level)
        for entry in byCategory {
            hasher.combine(entry.category)
            hasher.combine(entry.level)
        }
    }
}

/// What a target's compromise costs: its impact and, optionally, the money lost per event.
public struct Consequence: Sendable, Hashable {
    public var impact: Impact?
    public var loss: Double?

    public init(impact: Impact? = nil, loss: Double? = nil) {
        self.impact = impact
        self.loss = loss
    }
}

/// A risk level of the matrix, ordered `low < medium < high < critical`.
public enum RiskLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case low, medium, high, critical

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The scenario's `risk:` block (SPEC 4.1): likelihood bands, the 5×5 matrix, the tolerable level.
public struct RiskSettings: Sendable, Hashable {
    /// Four ascending thresholds of λ (expected compromises per year): level = 1 + thresholds reached.
    public var likelihoodBands: [Double]
    /// Rows impact 1–5, columns likelihood 1–5.
    public var matrix: [[RiskLevel]]
    /// The highest tolerable level.
    public var tolerable: RiskLevel

    public init(likelihoodBands: [Double], matrix: [[RiskLevel]], tolerable: RiskLevel) {
        self.likelihoodBands = likelihoodBands
        self.matrix = matrix
        self.tolerable = tolerable
    }

    /// The defaults of SPEC 4.1.
    public static let standard = RiskSettings(
        likelihoodBands: [0.001, 0.01, 0.1, 1],
        matrix: [
            [.low, .low, .low, .medium, .medium],
            [.low, .low, .medium, .medium, .high],
            [.low, .medium, .medium, .high, .high],
            [.medium, .medium, .high, .high, .critical],
            [.medium, .high, .high, .critical, .critical],
        ],
        tolerable: .medium)

    /// The likelihood level 1–5 of λ: 1 + the number of bands it reaches.
    public func likelihoodLevel(_ lambda: Double) -> Int {
        1 + likelihoodBands.filter { lambda >= $0 }.count
    }

    /// The risk level of an impact 1–5 at a likelihood level 1–5.
    public func level(impact: Int, likelihood: Int) -> RiskLevel {
        matrix[min(max(impact, 1), 5) - 1][min(max(likelihood, 1), 5) - 1]
    }

    public func isTolerable(_ level: RiskLevel) -> Bool { level <= tolerable }
}
