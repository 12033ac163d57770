import Testing

@testable import ZoneLabEngine

/// The radix sort of times gives exactly what `sort()` gives, bit for bit.
@Suite struct TimeSortTests {
    static func values(_ n: Int, seed: UInt64, special: [Double]) -> [Double] {
        var state = seed
        var values: [Double] = []
        for i in 0..<n {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            switch i % 7 {
            case 0: values.append((u * 100).rounded())  // ties
            case 1: values.append(u * 1e-300)
            case 2: values.append(u * u * 1e6)
            default: values.append(u * 8760)
            }
        }
        for (k, s) in special.enumerated() { values[(k * 97) % n] = s }
        return values
    }

    @Test(arguments: [10, 255, 256, 3000, 40000])
    func sortsAsSortDoes(n: Int) {
        let cases: [[Double]] = [
            [], [0, .infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0, 0],
            [-0.0, 0, 1], [-1, 2, 3], [.nan, 1, 0], [.infinity, -.infinity],
        ]
        for (k, special) in cases.enumerated() {
            var mine = Self.values(n, seed: UInt64(k + 1), special: special)
            var theirs = mine
            TimeSort.sort(&mine)
            theirs.sort()
            #expect(mine.map(\.bitPattern) == theirs.map(\.bitPattern))
        }
    }
}
