import Foundation

/// Versions as vendors write firmware (`V2.9.2`, `3.0 SP1`, `4.2.0-rc1`), compared segment by
/// segment: numbers as numbers, other text as text (a leading `V` ignored).
public struct FirmwareVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    enum Segment: Hashable {
        case number(Int)
        case text(String)
    }

    let segments: [Segment]
    public let description: String

    public init(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if let first = t.first, first == "V" || first == "v", t.dropFirst().first?.isNumber ?? false { t.removeFirst() }
        description = t
        var segments: [Segment] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            guard !current.isEmpty else { return }
            segments.append(
                currentIsNumber ? (Int(current).map(Segment.number) ?? .text(current)) : .text(current.lowercased()))
            current = ""
        }
        for c in t {
            if c == "." || c == "-" || c == "_" || c == "+" || c == " " {
                flush()
            } else if c.isASCII && c.isNumber {
                if !currentIsNumber { flush() }
                currentIsNumber = true
                current.append(c)
            } else {
                if currentIsNumber { flush() }
                currentIsNumber = false
                current.append(c)
            }
        }
        flush()
        self.segments = segments
    }

    public static func == (a: Self, b: Self) -> Bool { compare(a, b) == 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
    public static func < (a: Self, b: Self) -> Bool { compare(a, b) < 0 }

    static func compare(_ a: Self, _ b: Self) -> Int {
        for i in 0..<max(a.segments.count, b.segments.count) {
            // A missing segment counts as 0: 2.1 equals 2.1.0.
            let x = i < a.segments.count ? a.segments[i] : .number(0)
            let y = i < b.segments.count ? b.segments[i] : .number(0)
            switch (x, y) {
            case (.number(let m), .number(let n)): if m != n { return m < n ? -1 : 1 }
            case (.text(let s), .text(let t)): if s != t { return s < t ? -1 : 1 }
            case (.number, .text): return 1  // 2.1.0 after 2.1.rc
            case (.text, .number): return -1
            }
        }
        return 0
    }
}

/// A `vers:` range (the purl "vers" specification): `vers:generic/>=2.0|<2.9.3`.
public struct VersRange: Sendable, CustomStringConvertible {
    enum Comparator: String {
        case eq = "="
        case ne = "!="
        case lt = "<"
        case le = "<="
        case gt = ">"
        case ge = ">="
    }

    let constraints: [(Comparator, FirmwareVersion)]
    let matchesAll: Bool
    public let description: String

    /// Parses `vers:SCHEME/CONSTRAINTS`; nil when it is not one.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.lowercased().hasPrefix("vers:"), let slash = t.firstIndex(of: "/") else { return nil }
        description = t
        let body = t[t.index(after: slash)...].replacingOccurrences(of: " ", with: "")
        if body == "*" {
            matchesAll = true
            constraints = []
            return
        }
        matchesAll = false
        var list: [(Comparator, FirmwareVersion)] = []
        for part in body.split(separator: "|") {
            let p = String(part)
            let ops: [Comparator] = [.le, .ge, .ne, .lt, .gt, .eq]
            let op = ops.first { p.hasPrefix($0.rawValue) }
            let version = op.map { String(p.dropFirst($0.rawValue.count)) } ?? p
            guard !version.isEmpty else { return nil }
            list.append((op ?? .eq, FirmwareVersion(version)))
        }
        guard !list.isEmpty else { return nil }
        constraints = list.sorted { $0.1 < $1.1 }
    }

    /// Whether `version` lies in the range (the vers specification's algorithm).
    public func contains(_ version: FirmwareVersion) -> Bool {
        if matchesAll { return true }
        for (op, v) in constraints where v == version {
            if op == .eq || op == .le || op == .ge { return true }
            if op == .ne { return false }
        }
        let ranges = constraints.filter { $0.0 != .eq && $0.0 != .ne }
        guard let first = ranges.first, let last = ranges.last else { return false }
        if first.0 == .lt || first.0 == .le, satisfies(version, first) { return true }
        if last.0 == .gt || last.0 == .ge, satisfies(version, last) { return true }
        for (a, b) in zip(ranges, ranges.dropFirst())
        where (a.0 == .gt || a.0 == .ge) && (b.0 == .lt || b.0 == .le) {
            if satisfies(version, a) && satisfies(version, b) { return true }
        }
        return false
    }

    private func satisfies(_ version: FirmwareVersion, _ c: (Comparator, FirmwareVersion)) -> Bool {
        switch c.0 {
        case .eq: version == c.1
        case .ne: version != c.1
        case .lt: version < c.1
        case .le: version <= c.1
        case .gt: version > c.1
        case .ge: version >= c.1
        }
    }
}
