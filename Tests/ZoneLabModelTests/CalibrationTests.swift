import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

/// A scenario's `calibration:` and `--calibration` files.
@Suite struct CalibrationTests {
    static let calibration = minimalScenario + "calibration:\n"

    @Test(arguments: [
        ErrorCase(
            "gap key 7", calibration + "  gap:\n    7: {p: 0.5}\n", 13, 5,
            "gap '7' in 'calibration' is not a gap: keys are the integers -3 to 4 (capability minus protection)"),
        ErrorCase(
            "gap key -4", calibration + "  gap:\n    -4: {p: 0.5}\n", 13, 5, "gap '-4' in 'calibration' is not a gap"),
        ErrorCase(
            "gap key a word", calibration + "  gap:\n    high: {p: 0.5}\n", 13, 5,
            "gap 'high' in 'calibration' is not a gap"),
        ErrorCase(
            "gap given twice", calibration + "  gap:\n    1: {p: 0.5}\n    +1: {p: 0.6}\n", 14, 5,
            "gap 1 is given twice in 'calibration' (first at line 13, column 5)"),
        ErrorCase(
            "gap a list", calibration + "  gap: [1]\n", 12, 8,
            "'gap' of 'calibration' must be a mapping from gap to {p, ttc}, found a list"),
        ErrorCase(
            "p 1.5", calibration + "  gap:\n    0: {p: 1.5}\n", 13, 12,
            "'p' of gap 0 of 'calibration' must be from 0 to 1, found 1.5"),
        ErrorCase(
            "unknown dist", calibration + "  gap:\n    0: {ttc: {dist: lognorm, median: 4d, sigma: 1}}\n", 13, 21,
            "'dist' of 'ttc' of gap 0 of 'calibration' must be one of instant, fixed, exponential, lognormal, uniform, found 'lognorm'; did you mean 'lognormal'?"
        ),
        ErrorCase(
            "lognormal without sigma", calibration + "  gap:\n    0: {ttc: {dist: lognormal, median: 4d}}\n", 13, 14,
            "'ttc' of gap 0 of 'calibration' (lognormal) is missing 'sigma'"),
        ErrorCase(
            "sigma 0", calibration + "  gap:\n    0: {ttc: {dist: lognormal, median: 4d, sigma: 0}}\n", 13, 51,
            "'sigma' of 'ttc' of gap 0 of 'calibration' must be positive, found 0"),
        ErrorCase(
            "sigma negative", calibration + "  gap:\n    0: {ttc: {dist: lognormal, median: 4d, sigma: -1}}\n", 13, 51,
            "must be positive, found -1"),
        ErrorCase(
            "a parameter of another distribution",
            calibration + "  gap:\n    0: {ttc: {dist: fixed, time: 1d, sigma: 1}}\n", 13, 38,
            "'sigma' does not belong to a fixed distribution in 'ttc' of gap 0 of 'calibration' (it takes time)"),
        ErrorCase(
            "instant with a parameter", calibration + "  gap:\n    4: {ttc: {dist: instant, mean: 1h}}\n", 13, 30,
            "'mean' does not belong to an instant distribution in 'ttc' of gap 4 of 'calibration' (it takes no parameters)"
        ),
        ErrorCase(
            "uniform min above max", calibration + "  gap:\n    0: {ttc: {dist: uniform, min: 2d, max: 1d}}\n", 13, 35,
            "'min' of 'ttc' of gap 0 of 'calibration' must not exceed 'max'"),
        ErrorCase(
            "duplicate FR", calibration + "  conduit_frs: [RDF, IAC, RDF]\n", 12, 27,
            "'conduit_frs' of 'calibration' lists RDF twice"),
        ErrorCase(
            "empty asset_frs", calibration + "  asset_frs: []\n", 12, 14,
            "'asset_frs' of 'calibration' must list at least one FR"),
        ErrorCase(
            "unknown FR", calibration + "  asset_frs: [IAC, RFD]\n", 12, 20,
            "'RFD' in 'asset_frs' of 'calibration' is not an FR: use IAC, UC, SI, DC, RDF, TRE, RA; did you mean 'RDF'?"
        ),
        ErrorCase(
            "iacs_capability 6", calibration + "  iacs_capability: 6\n", 12, 20,
            "'iacs_capability' of 'calibration' must be from 1 to 5, found 6"),
        ErrorCase(
            "iacs_penalty -1", calibration + "  iacs_penalty: -1\n", 12, 17,
            "'iacs_penalty' of 'calibration' must be from 0 to 4, found -1"),
        ErrorCase(
            "horizon key 5", calibration + "  horizon: {5: 10d}\n", 12, 13,
            "horizon key '5' in 'calibration' must be a capability 1 to 4"),
        ErrorCase(
            "horizon 0", calibration + "  horizon: {3: 0}\n", 12, 16,
            "the horizon of capability 3 in 'calibration' must be positive, found 0"),
        ErrorCase(
            "horizon given twice", calibration + "  horizon: {3: 10d, 03: 20d}\n", 12, 21,
            "the horizon of capability 3 is given twice in 'calibration' (first at line 12, column 13)"),
        ErrorCase(
            "horizon a list", calibration + "  horizon: [30d]\n", 12, 12,
            "'horizon' of 'calibration' must be a mapping from capability (1–4) to a duration, found a list"),
        ErrorCase(
            "calibration a list", calibration + "  - gap\n", 12, 3,
            "'calibration' must be a mapping of keys, found a list"),
    ])
    func badCalibration(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func everyDistributionIsRead() throws {
        let yaml =
            Self.calibration + """
                  gap:
                    4: {p: 1, ttc: {dist: instant}}
                    3: {ttc: {dist: fixed, time: 2h}}
                    "2": {ttc: {dist: exponential, mean: 12h}}
                    1: {p: 0.7, ttc: {dist: lognormal, median: 1.5d, sigma: 0.5}}
                    -3: {ttc: {dist: uniform, min: 1y, max: 2y}}

                """
        let loaded = try loadScenario(yaml)
        let gap = loaded.scenario.calibrationOverride.gap
        #expect(gap[4] == CalibrationOverride.Cell(p: 1, ttc: .instant))
        #expect(gap[3] == CalibrationOverride.Cell(ttc: .fixed(hours: 2)))
        #expect(gap[2] == CalibrationOverride.Cell(ttc: .exponential(meanHours: 12)))
        #expect(gap[1] == CalibrationOverride.Cell(p: 0.7, ttc: .lognormal(medianHours: 36, sigma: 0.5)))
        #expect(gap[-3] == CalibrationOverride.Cell(ttc: .uniform(minHours: 8760, maxHours: 17520)))
        #expect(gap.count == 5)
    }

    @Test func overridesReplaceOnlyTheCellsGiven() throws {
        let yaml =
            Self.calibration + """
                  gap:
                    0: {p: 0.3}
                  horizon: {1: 1d, "4": 2y}
                  conduit_frs: [IAC]
                  asset_frs: [SI, UC]
                  iacs_types: [PLC, rtu]
                  iacs_capability: 5
                  iacs_penalty: 2

                """
        let loaded = try loadScenario(yaml)
        let merged = loaded.scenario.calibration()
        let standard = Calibration.standard
        #expect(merged.gap[0]?.p == 0.3)
        #expect(merged.gap[0]?.ttc == standard.gap[0]?.ttc)
        #expect(merged.gap[1] == standard.gap[1])
        #expect(merged.horizonHours == [1: 24, 2: 720, 3: 2160, 4: 17520])
        #expect(merged.conduitFRs == [.IAC])
        #expect(merged.assetFRs == [.SI, .UC])
        #expect(merged.iacsTypes == ["PLC", "rtu"])
        #expect(merged.isIACS(type: "plc"))
        #expect(merged.iacsCapability == 5)
        #expect(merged.iacsPenalty == 2)
        #expect(loaded.warnings.isEmpty, "\(listing(loaded.warnings))")
    }

    @Test func noCalibrationMeansTheStandardOne() throws {
        let loaded = try loadScenario(minimalScenario)
        #expect(loaded.scenario.calibrationOverride == CalibrationOverride())
        #expect(loaded.scenario.calibration() == Calibration.standard)
    }

    @Test func theStandardCalibrationIsTheSpecsTable() {
        let standard = Calibration.standard
        let expected: [Int: (Double, Double)] = [
            4: (0.995, 1), 3: (0.98, 4), 2: (0.95, 12), 1: (0.80, 24), 0: (0.40, 168), -1: (0.10, 720),
            -2: (0.02, 2160), -3: (0.005, 8760),
        ]
        for (d, (p, median)) in expected {
            #expect(
                standard.gap[d] == Calibration.Cell(p: p, ttc: .lognormal(medianHours: median, sigma: 1)), "gap \(d)")
        }
        #expect(standard.horizonHours == [1: 168, 2: 720, 3: 2160, 4: 8760])
        #expect(standard.conduitFRs == [.RDF, .IAC])
        #expect(standard.assetFRs == [.IAC, .UC, .SI])
        #expect(standard.iacsTypes == ["plc", "sis", "rtu", "ied", "dcs", "controller"])
        #expect(standard.iacsCapability == 3 && standard.iacsPenalty == 1)
        #expect(standard.monotonicityViolations.isEmpty)
    }

    @Test func cellLookupClampsTheGap() {
        let standard = Calibration.standard
        #expect(standard.cell(capability: 4, protection: 0) == standard.gap[4])
        #expect(standard.cell(capability: 1, protection: 4) == standard.gap[-3])
        #expect(standard.cell(capability: 2, protection: 2) == standard.gap[0])
    }

    // MARK: Monotonicity

    @Test func risingPIsAWarningNotAnError() throws {
        let loaded = try loadScenario(Self.calibration + "  gap:\n    -1: {p: 0.9}\n")
        #expect(loaded.warnings.count == 1, "\(listing(loaded.warnings))")
        let warning = try #require(loaded.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.file == testFile)
        #expect(warning.location == ZoneLabSource.SourceLocation(line: 13, column: 5))
        #expect(
            warning.message
                == "the calibration is not monotone: p is higher at gap -1 (0.9) than at gap 0 (0.4); it is accepted, but a stronger control can then make a step easier in the same trial, so what-if differences are less sharp"
        )
        #expect(warning.description.hasPrefix("test.yaml:13:5: warning: "))
        #expect(loaded.scenario.calibration().gap[-1]?.p == 0.9)
    }

    @Test func shrinkingTimeIsAWarning() throws {
        let loaded = try loadScenario(Self.calibration + "  gap:\n    -3: {ttc: {dist: fixed, time: 1h}}\n")
        #expect(
            loaded.warnings.map(\.message).contains {
                $0.contains(
                    "the time at gap -3 (fixed 1h) is not at least that at gap -2 (lognormal(median 90d, sigma 1.0))")
            }, "\(listing(loaded.warnings))")
        #expect(loaded.warnings.first?.location == ZoneLabSource.SourceLocation(line: 13, column: 5))
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func aWarningPointsAtTheCellGivenOfTheTwo() throws {
        // Gap 0 made slower than gap -1: the warning is about gaps -1 and 0, at the cell of gap 0.
        let loaded = try loadScenario(
            Self.calibration + "  gap:\n    0: {ttc: {dist: lognormal, median: 40d, sigma: 1}}\n")
        #expect(loaded.warnings.map(\.location) == [ZoneLabSource.SourceLocation(line: 13, column: 5)])
        #expect(loaded.warnings.first?.message.contains("the time at gap -1") == true)
    }

    @Test func aMonotoneOverrideHasNoWarning() throws {
        let loaded = try loadScenario(
            Self.calibration + "  gap:\n    4: {p: 0.999, ttc: {dist: instant}}\n    -3: {p: 0.001}\n")
        #expect(loaded.warnings.isEmpty, "\(listing(loaded.warnings))")
    }

    @Test func warningsAreNotReportedWithErrors() {
        // An invalid file reports its errors; the thrown list holds errors only.
        let all = errors(in: Self.calibration + "  gap:\n    -1: {p: 0.9}\n  iacs_penalty: 9\n")
        #expect(all.count == 1, "\(listing(all))")
        expectError(all, 14, 17, ["'iacs_penalty' of 'calibration' must be from 0 to 4, found 9"])
    }

    // MARK: --calibration files

    @Test func calibrationFileHasTheKeysAtTheTop() throws {
        let text = "gap:\n  0: {p: 0.25}\nhorizon: {2: 10d}\niacs_penalty: 0\n"
        let (override, warnings) = try CalibrationLoader.load(data: Data(text.utf8), file: "cal.yaml")
        #expect(override.gap[0] == CalibrationOverride.Cell(p: 0.25))
        #expect(override.horizonHours == [2: 240])
        #expect(override.iacsPenalty == 0)
        #expect(warnings.isEmpty)
    }

    @Test func calibrationFileAppliesAfterTheScenarios() throws {
        let loaded = try loadScenario(Self.calibration + "  gap:\n    0: {p: 0.3}\n  iacs_penalty: 2\n")
        let (override, _) = try CalibrationLoader.load(data: Data("gap:\n  0: {p: 0.2}\n".utf8), file: "cal.yaml")
        let merged = loaded.scenario.calibration(extra: override)
        #expect(merged.gap[0]?.p == 0.2)
        #expect(merged.iacsPenalty == 2)
    }

    @Test func calibrationFileErrorsNameTheFile() {
        #expect {
            _ = try CalibrationLoader.load(data: Data("gap:\n  9: {p: 0.2}\nconduit_frs: []\n".utf8), file: "cal.yaml")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics ?? []
            return d.map(\.description) == [
                "cal.yaml:2:3: error: gap '9' in the calibration file is not a gap: keys are the integers -3 to 4 (capability minus protection)",
                "cal.yaml:3:14: error: 'conduit_frs' of the calibration file must list at least one FR",
            ]
        }
    }

    @Test func calibrationFileWarnsWhenNotMonotone() throws {
        let (_, warnings) = try CalibrationLoader.load(data: Data("gap:\n  -2: {p: 0.5}\n".utf8), file: "cal.yaml")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("p is higher at gap -2 (0.5) than at gap -1 (0.1)") == true)
        #expect(warnings.first?.location == ZoneLabSource.SourceLocation(line: 2, column: 3))
    }

    @Test func emptyCalibrationFile() {
        #expect {
            _ = try CalibrationLoader.load(data: Data("# nothing yet\n".utf8), file: "cal.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "cal.yaml:1:1: error: the file has no content (only comments)"
            ]
        }
    }
}
