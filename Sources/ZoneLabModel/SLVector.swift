/// A security level 0–4 for each of the seven FRs.
public struct SLVector: Sendable, Hashable, CustomStringConvertible {
    private var levels: [Int]

    /// The same level for every FR.
    public init(uniform level: Int = 0) {
        levels = Array(repeating: level, count: FR.allCases.count)
    }

    /// The levels given, 0 for the FRs left out.
    public init(_ levels: [FR: Int]) {
        self.init(uniform: 0)
        for (fr, level) in levels { self[fr] = level }
    }

    public subscript(fr: FR) -> Int {
        get { levels[fr.number - 1] }
        set { levels[fr.number - 1] = newValue }
    }

    /// The highest level over all FRs (a zone's SL-T "as one number").
    public var maximum: Int { levels.max() ?? 0 }
    /// The lowest level over all FRs.
    public var minimum: Int { levels.min() ?? 0 }
    /// Whether every FR has the same level.
    public var isUniform: Bool { Set(levels).count == 1 }

    /// The larger level per FR.
    public func maximum(with other: SLVector) -> SLVector {
        var result = self
        for fr in FR.allCases { result[fr] = max(self[fr], other[fr]) }
        return result
    }

    /// Each FR raised to at least `level`.
    public func raised(to level: Int) -> SLVector {
        var result = self
        for fr in FR.allCases { result[fr] = max(self[fr], level) }
        return result
    }

    /// The FRs where `self` falls short of `target`, with the size of the gap.
    public func gaps(to target: SLVector) -> [(fr: FR, gap: Int)] {
        FR.allCases.compactMap { fr in target[fr] > self[fr] ? (fr, target[fr] - self[fr]) : nil }
    }

    /// `3` when uniform, else `IAC 2, UC 2, SI 1, ...`.
    public var description: String {
        isUniform ? "\(levels[0])" : FR.allCases.map { "\($0.rawValue) \(self[$0])" }.joined(separator: ", ")
    }

    /// The compact per-FR form `2222122` (IAC..RA), for tables.
    public var compact: String { levels.map(String.init).joined() }
}
