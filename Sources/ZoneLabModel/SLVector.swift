/// A security level 0–4 for each of the seven FRs, and which FRs were assessed.
///
/// An SL map that leaves an FR out leaves it *not assessed* (SPEC 4): the simulation reads it
/// as 0 (conservative), but static gaps, requirement coverage and pictures consider assessed FRs
/// only. A scalar SL assesses every FR; an absent SL assesses none.
public struct SLVector: Sendable, Hashable, CustomStringConvertible {
    private var levels: [Int]
    /// Bit `fr.number - 1` set when the FR was assessed.
    private var assessedMask: UInt8

    private static let allMask = UInt8((1 << FR.allCases.count) - 1)

    /// The same level for every FR, every FR assessed.
    public init(uniform level: Int = 0) {
        levels = Array(repeating: level, count: FR.allCases.count)
        assessedMask = Self.allMask
    }

    /// The levels given, assessed; 0 and not assessed for the FRs left out.
    public init(_ levels: [FR: Int]) {
        self.levels = Array(repeating: 0, count: FR.allCases.count)
        assessedMask = 0
        for (fr, level) in levels { assess(fr, level) }
    }

    /// Level 0 on every FR, none assessed: an element whose SL-A was not given.
    public static let notAssessed = SLVector([:])

    /// The level of an FR (0 when not assessed). Setting it keeps whether it is assessed.
    public subscript(fr: FR) -> Int {
        get { levels[fr.number - 1] }
        set { levels[fr.number - 1] = newValue }
    }

    /// Sets an FR's level and marks it assessed.
    public mutating func assess(_ fr: FR, _ level: Int) {
        levels[fr.number - 1] = level
        assessedMask |= 1 << UInt8(fr.number - 1)
    }

    /// The same levels with every FR counted as given: an SL-T map gives 0 to the FRs it leaves
    /// out (SPEC 2), and "not assessed" is a property of SL-A only.
    public var withEveryFR: SLVector {
        var result = self
        result.assessedMask = Self.allMask
        return result
    }

    /// Whether the FR was assessed.
    public func isAssessed(_ fr: FR) -> Bool { assessedMask & (1 << UInt8(fr.number - 1)) != 0 }
    /// The assessed FRs, in FR order.
    public var assessedFRs: [FR] { FR.allCases.filter(isAssessed) }
    /// The FRs not assessed, in FR order.
    public var notAssessedFRs: [FR] { FR.allCases.filter { !isAssessed($0) } }
    /// Whether every FR was assessed.
    public var isFullyAssessed: Bool { assessedMask == Self.allMask }

    /// The highest level over all FRs (a zone's SL-T "as one number").
    public var maximum: Int { levels.max() ?? 0 }
    /// Whether every FR is assessed at the same level.
    public var isUniform: Bool { Set(levels).count == 1 && isFullyAssessed }

    /// The larger level per FR; an FR is assessed when it is on either side.
    public func maximum(with other: SLVector) -> SLVector {
        var result = self
        for fr in FR.allCases { result[fr] = max(self[fr], other[fr]) }
        result.assessedMask |= other.assessedMask
        return result
    }

    /// Each assessed FR raised to at least the level of `target`: the element raised to its
    /// SL-T over its assessed FRs (SPEC 4), the others left as they are.
    public func raisedOnAssessed(to target: SLVector) -> SLVector {
        var result = self
        for fr in assessedFRs { result[fr] = max(self[fr], target[fr]) }
        return result
    }

    /// The assessed FRs where `self` falls short of `target`, with the size of the gap
    /// (SL-T − SL-A, positive).
    public func gaps(to target: SLVector) -> [(fr: FR, gap: Int)] {
        assessedFRs.compactMap { fr in target[fr] > self[fr] ? (fr, target[fr] - self[fr]) : nil }
    }

    /// `3` when uniform, else `IAC 2, UC 2, SI 1, ...` over the assessed FRs; `not assessed`
    /// when none is.
    public var description: String {
        if isUniform { return "\(levels[0])" }
        if assessedMask == 0 { return "not assessed" }
        return assessedFRs.map { "\($0.rawValue) \(self[$0])" }.joined(separator: ", ")
    }

    /// The compact per-FR form `2222122` (IAC..RA), `-` for an FR not assessed, for tables.
    public var compact: String {
        FR.allCases.map { isAssessed($0) ? String(self[$0]) : "-" }.joined()
    }
}
