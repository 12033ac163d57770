import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

/// Durations: a YAML number of hours, or digits with an optional fraction and a unit m h d w y.
@Suite struct DurationTests {
    @Test(
        arguments: [
            ("90m", 1.5), ("1.5d", 36), ("2w", 336), ("1y", 8760), ("720", 720), ("12h", 12), ("0.5", 0.5),
            ("30m", 0.5), ("3d", 72), ("1.25h", 1.25), ("\"90m\"", 1.5), ("'36h'", 36), ("1e3", 1000), ("007h", 7),
        ] as [(String, Double)])
    func goodDurations(_ text: String, _ hours: Double) throws {
        let loaded = try loadScenario(minimalScenario + "horizon: \(text)\n")
        let horizon = try #require(loaded.scenario.horizon)
        #expect(horizon.hours.isApproximatelyEqual(to: hours), "\(text) -> \(horizon.hours)")
    }

    @Test(arguments: [
        ("90 m", "found '90 m' (write the number and its unit without a space, e.g. 90m)"),
        ("-1h", "must be a duration such as 90m, 12h, 1.5d, 2w, 1y or a number of hours, found '-1h'"),
        ("1e3h", "found '1e3h'"),
        (
            "\"720\"",
            "found the string \"720\" (a number of hours is written without quotes; or give a unit, e.g. 720h)"
        ),
        ("0", "'horizon' must be positive, found 0"),
        ("0h", "'horizon' must be positive, found 0h"),
        ("-5", "'horizon' must be positive, found -5"),
        ("1.5.2d", "found '1.5.2d'"),
        ("d", "found 'd'"),
        (".5d", "found '.5d'"),
        ("5.d", "found '5.d'"),
        ("5x", "found '5x'"),
        ("90M", "found '90M'"),
        ("1d2h", "found '1d2h'"),
        ("ten days", "found 'ten days'"),
        ("[1d]", "found a list"),
        ("1e999", "found '1e999'"),
    ])
    func badDurations(_ text: String, _ fragment: String) {
        expectSingleError(in: minimalScenario + "horizon: \(text)\n", 11, 10, fragment)
    }

    @Test func attackerHorizonIsADuration() {
        expectSingleError(
            in: minimalScenario + "attackers:\n  - {id: a1, capability: 2, horizon: 0d}\n", 12, 38,
            "'horizon' of attacker 'a1' must be positive, found 0d")
    }

    @Test func calibrationHorizonIsADuration() {
        expectSingleError(
            in: minimalScenario + "calibration:\n  horizon: {3: 2 weeks}\n", 12, 16,
            "the horizon of capability 3 in 'calibration' must be a duration")
    }

    @Test func fixedTimeMayBeZeroButNotNegative() throws {
        let ok = try loadScenario(minimalScenario + "calibration:\n  gap:\n    4: {ttc: {dist: fixed, time: 0}}\n")
        #expect(ok.scenario.calibrationOverride.gap[4]?.ttc == .fixed(hours: 0))
        expectSingleError(
            in: minimalScenario + "calibration:\n  gap:\n    4: {ttc: {dist: fixed, time: -1}}\n", 13, 34,
            "'time' of 'ttc' of gap 4 of 'calibration' must be zero or more, found -1")
    }

    @Test func meansAndMediansArePositive() {
        expectSingleError(
            in: minimalScenario + "calibration:\n  gap:\n    4: {ttc: {dist: exponential, mean: 0}}\n", 13, 40,
            "'mean' of 'ttc' of gap 4 of 'calibration' must be positive, found 0")
        expectSingleError(
            in: minimalScenario + "calibration:\n  gap:\n    4: {ttc: {dist: lognormal, median: 0m, sigma: 1}}\n", 13,
            40,
            "'median' of 'ttc' of gap 4 of 'calibration' must be positive, found 0m")
    }

    // MARK: TimeSpan itself

    @Test(
        arguments: [
            ("90m", 1.5), ("1.5d", 36), ("2w", 336), ("1y", 8760), ("720", 720), ("0", 0), ("12.25h", 12.25),
        ] as [(String, Double)])
    func timeSpanParses(_ text: String, _ hours: Double) throws {
        let span = try #require(TimeSpan(parsing: text))
        #expect(span.hours.isApproximatelyEqual(to: hours))
    }

    @Test(arguments: [
        "", "h", "-1h", "+1h", "1e3h", "1 h", " 1h", "1h ", ".5h", "5.h", "1.2.3h", "1hh", "0x10", "١٢h", "inf", "nan",
    ])
    func timeSpanRejects(_ text: String) {
        #expect(TimeSpan(parsing: text) == nil, "'\(text)'")
    }

    @Test(
        arguments: [
            (0, "0h"), (0.25, "15m"), (1.5, "1.5h"), (12, "12h"), (47, "47h"), (48, "2d"), (36 * 24, "36d"),
            (8760 * 2, "2y"), (Double.infinity, "∞"),
        ] as [(Double, String)])
    func timeSpanFormats(_ hours: Double, _ text: String) {
        #expect(TimeSpan.format(hours: hours) == text)
        #expect(TimeSpan(hours: hours).description == text)
    }

    @Test func timeSpansCompareByLength() {
        #expect(TimeSpan(hours: 1) < TimeSpan(hours: 2))
        #expect(!(TimeSpan(hours: 2) < TimeSpan(hours: 2)))
    }
}

extension Double {
    /// Equal within a relative 1e-12 (durations are products of decimal fractions).
    func isApproximatelyEqual(to other: Double) -> Bool {
        self == other || abs(self - other) <= 1e-12 * Swift.max(abs(self), abs(other))
    }
}
