/// The one formatting vocabulary of every output a person reads — terminal tables, pictures
/// and the HTML report — so that a number reads the same wherever it appears.
///
/// Conventions:
/// - P is a percentage with one decimal (`42.1%`), two below 1% (`0.35%`), `0%` and `100%` exact.
/// - A difference of P is in percentage points with its sign: `+2.35 pp`, `−0.40 pp`, `0 pp`.
/// - An SL gap is the shortfall SL-T − SL-A on an FR, a positive number, as in the results JSON
///   (`sl_gap`): `IAC 2` means IAC's SL-A is 2 below its SL-T.
/// - Durations use the largest fitting unit: `45m`, `12h`, `7d`, `1.5y`.
public enum Formatting {
    /// `42.1%`, `0.35%`, `0%`, `100%`.
    public static func percent(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        if p == 0 { return "0%" }
        if p == 1 { return "100%" }
        let v = abs(p) * 100
        return (p < 0 ? "−" : "") + fixed(v, decimals: v < 1 ? 2 : 1) + "%"
    }

    /// A difference of P in percentage points: `+2.35 pp`, `−0.40 pp`, `0 pp`.
    public static func signedPoints(_ d: Double) -> String {
        guard d.isFinite else { return "–" }
        let text = fixed(abs(d) * 100, decimals: 2)
        if text == "0.00" { return "0 pp" }
        return (d > 0 ? "+" : "−") + text + " pp"
    }

    /// One FR's gap: `IAC 2`.
    public static func gap(_ fr: FR, _ gap: Int) -> String { "\(fr.rawValue) \(gap)" }

    /// A list of gaps, `IAC 2, RDF 1`, or `none`.
    public static func gaps(_ gaps: [(fr: FR, gap: Int)]) -> String {
        gaps.isEmpty ? "none" : gaps.map { gap($0.fr, $0.gap) }.joined(separator: ", ")
    }

    /// FRs left out of an SL map: `not assessed: DC, TRE, RA`, or nil when all were assessed.
    public static func notAssessed(_ vector: SLVector) -> String? {
        let frs = vector.notAssessedFRs
        if frs.isEmpty { return nil }
        if frs.count == FR.allCases.count { return "not assessed" }
        return "not assessed: " + frs.map(\.rawValue).joined(separator: ", ")
    }

    /// A duration in hours with the largest fitting unit.
    public static func duration(hours: Double) -> String { TimeSpan.format(hours: hours) }

    /// `12,345`.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A risk score (SPEC 4.1): whole and grouped from 100 up (`7,689,200`, an expected annual
    /// loss), three decimals below (`0.412`, a weighted likelihood).
    public static func score(_ v: Double) -> String {
        abs(v) >= 100 ? count(Int(v.rounded())) : fixed(v, decimals: 3)
    }

    /// `v` with exactly `decimals` decimals, rounded half away from zero (no Foundation).
    public static func fixed(_ v: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 1e17 else { return String(v) }
        let n = Int(scaled)
        let whole = n / Int(scale)
        let frac = n % Int(scale)
        var fracText = String(frac)
        while fracText.count < decimals { fracText = "0" + fracText }
        return (v < 0 && n != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + fracText : "")
    }

    /// A list of names in a sentence: `a`, `a and b`, `a, b and c`.
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a
    /// line break.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = "\""
        for ch in text {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }
}
