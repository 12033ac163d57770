/// A duration in hours, as the scenario format writes it: a number of hours or `90m 12h 1.5d 2w 1y`.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hours: Double

    public init(hours: Double) {
        self.hours = hours
    }

    /// Hours in one unit: `m`, `h`, `d`, `w` (7 d), `y` (365 d).
    public static let unitHours: [Character: Double] = ["m": 1.0 / 60, "h": 1, "d": 24, "w": 168, "y": 8760]

    /// Parses `90m`, `1.5d`, `720` (hours); nil when the text is not a duration.
    /// Digits with an optional fraction, then an optional unit; no sign, no space, no exponent.
    public init?(parsing text: String) {
        var body = Substring(text)
        var factor = 1.0
        if let last = body.last, let unit = Self.unitHours[last] {
            factor = unit
            body = body.dropLast()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let value = Double(body)
        else { return nil }
        hours = value * factor
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.hours < rhs.hours }

    /// The most readable unit: `90m`, `12h`, `7d`, `1y`.
    public var description: String { Self.format(hours: hours) }

    /// Formats hours for people: `45m`, `5.1h`, `3.2d`, `1.4y`.
    public static func format(hours: Double) -> String {
        guard hours.isFinite else { return "∞" }
        func trim(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        if hours == 0 { return "0h" }
        if hours < 1 { return trim(hours * 60) + "m" }
        if hours < 48 { return trim(hours) + "h" }
        if hours < 24 * 730 { return trim(hours / 24) + "d" }
        return trim(hours / 8760) + "y"
    }
}
