import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabSource
import ZoneLabTestSupport

@testable import ZoneLabIEC62443
@testable import ZoneLabModel

@Suite struct AnalysisTests {
    static func write(_ text: String, _ name: String) throws -> String {
        try TemporaryFiles("analysis").write(name, text)
    }

    static func compare(_ base: String, _ variant: LoadedScenario, trials: Int = 3_000) throws -> WhatIfComparison {
        let settings = SimulationSettings(trials: trials, seed: 3, threads: 2)
        let b = try PlantModel(try Fixtures.load(base), settings: settings).simulate(settings, keepingTrials: true)
        let v = try PlantModel(variant, settings: settings).simulate(settings, keepingTrials: true)
        return WhatIfComparison(base: b, variant: v)
    }

    @Test func identicalSidesGiveExactlyZero() throws {
        let comparison = try Self.compare(Fixtures.purdue, try Fixtures.load())
        #expect(!comparison.rows.isEmpty)
        for row in comparison.rows {
            #expect(row.difference == 0)
            #expect(row.ci95.lower == 0 && row.ci95.upper == 0)
            #expect(row.onlyBase == 0 && row.onlyVariant == 0)
        }
    }

    /// A data diode (pointing away from the plant) on the only path drops P to exactly 0, and the
    /// paired interval is far narrower than independent runs would give for a partial change.
    @Test func dataDiodePatchDropsPToZero() throws {
        let base = try Self.write(Fixtures.purdue, "base.yaml")
        let patch = try Self.write(
            """
            zonelab_patch: 1
            change:
              ops-ctl: {zones: [control, ops], direction: forward}
            """, "diode.yaml")
        let variant = try ScenarioPatch.loadVariant(path: patch, basePath: base)
        #expect(variant.scenario.conduits["ops-ctl"]?.direction == .forward)
        let comparison = try Self.compare(Fixtures.purdue, variant)
        for row in comparison.rows where row.pBase > 0 {
            #expect(row.pVariant == 0)
            #expect(row.difference == -row.pBase)
            #expect(row.onlyVariant == 0)
        }
    }

    @Test func pairedIntervalIsNarrowerForASmallChange() throws {
        let variant = try Fixtures.load(
            Fixtures.purdue.replacingOccurrences(
                of: "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 2}}",
                with: "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 3}}"))
        let comparison = try Self.compare(Fixtures.purdue, variant, trials: 6_000)
        let sl3 = try #require(comparison.rows.first { $0.attacker == "SL3" })
        #expect(sl3.difference <= 0)
        #expect(try #require(sl3.narrowing) > 1.5)
    }

    @Test func patchErrorsPointIntoThePatch() throws {
        let base = try Self.write(Fixtures.purdue, "base.yaml")
        let patch = try Self.write(
            """
            zonelab_patch: 1
            remove: [plc2]
            change:
              ops-ctl: {direktion: forward}
            """, "bad.yaml")
        let error = try #require(throws: DiagnosticError.self) {
            try ScenarioPatch.loadVariant(path: patch, basePath: base)
        }
        #expect(error.diagnostics.count == 2)
        #expect(error.diagnostics[0].location == SourceLocation(line: 2, column: 10, file: patch))
        #expect(error.diagnostics[0].message.contains("did you mean 'plc1'"))
        #expect(error.diagnostics[1].location == SourceLocation(line: 4, column: 13, file: patch))
        #expect(error.diagnostics[1].message.contains("did you mean 'direction'"))
        #expect(error.diagnostics.allSatisfy { $0.file == patch })
    }

    /// Every problem of a patch in one run: the patch's own (unknown id) and those of the patched
    /// scenario (a dangling zone, a bad level), each at its line in the patch file.
    @Test func everyPatchProblemInOneRunAgainstItsFile() throws {
        let base = try Self.write(Fixtures.purdue, "base.yaml")
        let patch = try Self.write(
            """
            zonelab_patch: 1
            remove: [nope]
            change:
              plc1: {zone: nowhere}
            add:
              zones: [{id: cell9, level: 9}]
            """, "multi.yaml")
        let error = try #require(throws: DiagnosticError.self) {
            try ScenarioPatch.loadVariant(path: patch, basePath: base)
        }
        #expect(error.diagnostics.count == 3)
        #expect(error.diagnostics.allSatisfy { $0.file == patch })
        #expect(error.diagnostics.map(\.location.line) == [2, 4, 6])
        #expect(error.diagnostics[1].message.contains("nowhere"))
        #expect(error.diagnostics[2].message.contains("level"))
    }

    /// A problem inside the base is the base's: its file and line, not the patch's.
    @Test func problemsOfTheBaseNameTheBase() throws {
        let base = try Self.write(
            Fixtures.purdue.replacingOccurrences(of: "zone: control, type: hmi", with: "zone: kontrol, type: hmi"),
            "badbase.yaml")
        let patch = try Self.write("zonelab_patch: 1\nset: {tolerable: 0.01}\n", "fine.yaml")
        let error = try #require(throws: DiagnosticError.self) {
            try ScenarioPatch.loadVariant(path: patch, basePath: base)
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].file == base)
        #expect(error.diagnostics[0].location.line == 16)
        #expect(error.diagnostics[0].message.contains("kontrol"))
    }

    /// Applying a patch to a base that was never validated (a channel without `from`) reports
    /// problems and never traps (a library entry point must not crash on input).
    @Test func patchOnAnUnvalidatedBaseDoesNotTrap() throws {
        let baseYAML = Fixtures.purdue.replacingOccurrences(of: "- {from: ops, to: hist}", with: "- {to: hist}")
        let base = try DocumentParser.parse(Data(baseYAML.utf8), file: "b.yaml")
        let patch = try DocumentParser.parse(Data("zonelab_patch: 1\nremove: [scada]\n".utf8), file: "p.yaml")
        var diagnostics = Diagnostics(file: "p.yaml")
        let merged = ScenarioPatch.apply(patch, to: base, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        var reader = ScenarioReader(file: "b.yaml")
        _ = reader.read(merged)
        #expect(reader.diagnostics.errors.contains { $0.message.contains("from") })
    }

    @Test func removingAZoneTakesItsAssetsAndConduits() throws {
        let base = try Self.write(Fixtures.purdue, "base.yaml")
        let patch = try Self.write("zonelab_patch: 1\nremove: [dmz]\nset: {targets: [ops]}\n", "p.yaml")
        let variant = try ScenarioPatch.loadVariant(path: patch, basePath: base).scenario
        #expect(variant.zones["dmz"] == nil)
        #expect(variant.assets["hist"] == nil)
        #expect(variant.conduits["ent-dmz"] == nil && variant.conduits["dmz-ops"] == nil)
        #expect(variant.extraTargets == ["ops"])
    }

    @Test func hardeningTheOnlyWeakConduitHasAGainAndFixesTheVerdict() throws {
        // One weak conduit in front of the controller; everything else at SL-T.
        let yaml = """
            zonelab: 1
            name: One weak conduit
            entry: [internet]
            zones:
              - {id: internet, level: 5, sl_target: 0}
              - {id: ops, level: 3, sl_target: 3, sl_achieved: 3}
              - {id: control, level: 2, sl_target: 3, sl_achieved: 3}
            assets:
              - {id: plc1, zone: control, type: plc, critical: true}
            conduits:
              - {id: inet-ops, zones: [internet, ops], sl_achieved: 2, sl_target: 2}
              - {id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 1, IAC: 1}}
            attackers:
              - {id: SL3, capability: 3}
            """
        let settings = SimulationSettings(trials: 4_000, seed: 5, threads: 2)
        let model = try PlantModel(try Fixtures.load(yaml), settings: settings)
        let base = model.simulate(settings)
        let gains = model.hardeningTally(trials: settings.trials, settings: settings).gains
        #expect((gains["SL3"]?["ops-ctl"] ?? 0) > 0.05)
        #expect(gains["SL3"]?["inet-ops"] == nil)  // no static gap: not simulated
        let before = ZoneVerdicts(base, model: model)
        #expect(before.failing.map(\.zone) == ["control"])
        let hardened = model.with(scenario: Hardening.conduitToTarget("ops-ctl").applied(to: model.scenario)).simulate(
            settings)
        #expect(ZoneVerdicts(hardened, model: model).failing.isEmpty)
        let justification = TargetSLJustification.analyse(model: model, settings: settings, maxSteps: 3)
        #expect(justification.roadmap.first?.change.description == Hardening.conduitToTarget("ops-ctl").description)
        #expect(justification.roadmap.first.map { $0.worstAfter["SL3"]! < $0.worstBefore["SL3"]! } == true)
        // No target is risk-rated: the roadmap stops when every zone meets its SL-T.
        #expect(justification.stoppedBecause == .meetsSLT)
        #expect(justification.roadmap.first.map { $0.reductionCI95.lower > 0 } == true)
    }

    @Test func entryInsideTheTargetZoneIsAStructuralFinding() throws {
        let yaml = Fixtures.purdue + "\nattackers:\n  - {id: insider, capability: 2, entry: [control]}\n"
        let settings = SimulationSettings(trials: 500, seed: 1, threads: 2)
        let model = try PlantModel(try Fixtures.load(yaml), settings: settings)
        let result = TargetSLJustification.analyse(model: model, settings: settings, maxSteps: 1)
        #expect(result.structural.count == 1)
        #expect(result.structural[0].contains("zone boundary"))
        #expect(!result.zones.contains { $0.id == "control" })  // the entry zone is not "hardened"
    }

    @Test func requirementsFollowSLTAndSLA() throws {
        #expect(SystemRequirement.all.count == 100)
        #expect(SystemRequirement.all.filter(\.disputed).count == 4)
        let report = RequirementsReport(try Fixtures.load().scenario)
        let control = try #require(report.zones.first { $0.id == "control" })
        // SL-T 3 everywhere, SL-A given for IAC, UC, SI and RDF only: every requirement of level
        // <= 3 on those four FRs; DC, TRE and RA are listed once as not assessed, never as open.
        let assessed: Set<FR> = [.IAC, .UC, .SI, .RDF]
        #expect(
            control.entries.count == SystemRequirement.all.filter { $0.level <= 3 && assessed.contains($0.fr) }.count)
        #expect(control.notAssessed == [.DC, .TRE, .RA])
        #expect(!control.entries.contains { $0.requirement.id == "SR 7.5" })
        let mfa = try #require(control.entries.first { $0.requirement.id == "SR 1.1 RE(2)" })
        #expect(mfa.requirement.level == 3 && !mfa.covered)  // IAC SL-A 2
        let unique = try #require(control.entries.first { $0.requirement.id == "SR 1.1 RE(1)" })
        #expect(unique.covered)
        let internet = try #require(report.zones.first { $0.id == "internet" })
        #expect(internet.entries.isEmpty)
        #expect(
            report.csv().split(separator: "\n").count == 1
                + (report.zones + report.conduits).map(\.entries.count).reduce(0, +))
    }
}
