import ArgumentParser
import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// Every subcommand, from real arguments: parsed by `ZoneLabCommand.parseAsRoot` and run
/// in-process (files written into a temporary folder) or as the built binary (what it printed).
@Suite struct CommandTests {
    static var pharma: String { RepositoryRoot.scenario("pharma-batch") }
    static var riverside: String { RepositoryRoot.scenario("riverside-water") }
    static var patch: String { RepositoryRoot.url("scenarios/patches/close-vendor-tunnel.yaml").path }

    /// Parses `arguments` as the command line, checks the command's type, and runs it.
    @discardableResult
    static func run<C: ParsableCommand>(
        _ arguments: [String], as type: C.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> C {
        var command = try ZoneLabCommand.parseAsRoot(arguments)
        let typed = try #require(
            command as? C, "\(arguments) parsed as \(Swift.type(of: command))", sourceLocation: sourceLocation)
        try command.run()
        return typed
    }

    /// The top-level object of a JSON file.
    static func object(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(value as? [String: Any], "\(path) is not a JSON object", sourceLocation: sourceLocation)
    }

    /// Expects the object to have every key in `keys`.
    static func expectKeys(_ object: [String: Any], _ keys: [String], sourceLocation: SourceLocation = #_sourceLocation)
    {
        for key in keys {
            #expect(
                object[key] != nil, "missing key \(key); has \(object.keys.sorted())", sourceLocation: sourceLocation)
        }
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    // MARK: Each command, run

    @Test func simulateWritesTheResultsFile() throws {
        let files = try TemporaryFiles("cmd-simulate")
        defer { files.cleanUp() }
        let json = files.path("r.json")
        let simulate = try Self.run(
            [
                "simulate", Self.pharma, "--trials", "200", "--seed", "5", "--attacker", "SL2", "--no-hardening",
                "--json", json,
            ],
            as: Simulate.self)
        #expect(simulate.options.trials == 200)
        #expect(simulate.options.attackers == ["SL2"])
        let results = try Self.object(json)
        Self.expectKeys(
            results, ["zonelab_results", "seed", "trials", "scenario_sha256", "calibration", "targets", "conduits"])
        #expect(results["zonelab_results"] as? Int == 1)
        #expect(results["seed"] as? Int == 5)
        #expect(results["trials"] as? Int == 200)
        let targets = try #require(results["targets"] as? [[String: Any]])
        #expect(!targets.isEmpty)
        for target in targets {
            let attackers = (target["results"] as? [[String: Any]])?.compactMap { $0["attacker"] as? String }
            #expect(attackers == ["SL2"], "\(target["id"] ?? "?")")
        }

        let printed = try ProcessTests.run(
            [
                "simulate", Self.pharma, "--trials", "200", "--seed", "5", "--attacker", "SL2", "--no-hardening",
                "--json", files.path("p.json"),
            ])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(Self.lines(printed.stdout).last == "results: \(files.path("p.json"))", "\(printed.stdout)")
        #expect(try files.read("p.json") == files.read("r.json"))
    }

    @Test func compileWritesAGraphThatSimulates() throws {
        let files = try TemporaryFiles("cmd-compile")
        defer { files.cleanUp() }
        let graph = files.path("g.json")
        let compile = try Self.run(["compile", Self.pharma, "--attacker", "SL3", "-o", graph], as: Compile.self)
        #expect(compile.attacker == "SL3")
        let object = try Self.object(graph)
        Self.expectKeys(object, ["zonelab_graph", "nodes", "edges", "entry", "targets", "horizon_hours"])
        #expect(object["zonelab_graph"] as? Int == 1)
        #expect(((object["edges"] as? [Any])?.count ?? 0) > 0)

        // The graph is a valid input of simulate, whose one attacker is `graph`.
        let results = files.path("r.json")
        try Self.run(["simulate", graph, "--trials", "100", "--json", results], as: Simulate.self)
        let targets = try #require(try Self.object(results)["targets"] as? [[String: Any]])
        let attackers = Set(
            targets.flatMap { ($0["results"] as? [[String: Any]] ?? []).compactMap { $0["attacker"] as? String } })
        #expect(attackers == ["graph"])

        // Without -o the same graph goes to standard output.
        let printed = try ProcessTests.run(["compile", Self.pharma, "--attacker", "SL3"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == (try files.read("g.json")))
    }

    @Test func mergeOfTwoShardsIsTheWholeRun() throws {
        let files = try TemporaryFiles("cmd-merge")
        defer { files.cleanUp() }
        let common = [Self.pharma, "--trials", "301", "--seed", "4", "--attacker", "SL2", "--no-hardening"]
        for i in 0..<2 {
            try Self.run(
                ["simulate"] + common + ["--shard", "\(i)/2", "--json", files.path("s\(i).json")], as: Simulate.self)
        }
        try Self.run(["simulate"] + common + ["--json", files.path("whole.json")], as: Simulate.self)
        let merge = try Self.run(
            ["merge", files.path("s0.json"), files.path("s1.json"), "--json", files.path("merged.json")], as: Merge.self
        )
        #expect(merge.shards.count == 2)
        let merged = try Self.object(files.path("merged.json"))
        Self.expectKeys(merged, ["zonelab_results", "seed", "trials", "targets"])
        #expect(merged["trials"] as? Int == 301)
        #expect(try files.read("merged.json") == files.read("whole.json"))
    }

    @Test func whatifWritesTheComparison() throws {
        let files = try TemporaryFiles("cmd-whatif")
        defer { files.cleanUp() }
        let json = files.path("w.json")
        let whatif = try Self.run(
            ["whatif", Self.riverside, Self.patch, "--trials", "200", "--attacker", "SL3", "--json", json],
            as: WhatIfCommand.self)
        #expect(whatif.variant == Self.patch)
        let object = try Self.object(json)
        Self.expectKeys(object, ["zonelab_whatif", "seed", "trials", "targets"])
        #expect(object["trials"] as? Int == 200)
        let first = try #require((object["targets"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        Self.expectKeys(try #require(first.first), ["attacker", "p_base", "p_variant", "difference", "ci95"])

        let printed = try ProcessTests.run([
            "whatif", Self.riverside, Self.patch, "--trials", "200", "--attacker", "SL3", "--json",
            files.path("p.json"),
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(Self.lines(printed.stdout).last == "what-if: \(files.path("p.json"))", "\(printed.stdout)")
    }

    @Test func targetSLWritesTheJustification() throws {
        let files = try TemporaryFiles("cmd-target-sl")
        defer { files.cleanUp() }
        let json = files.path("t.json")
        try Self.run(["target-sl", Self.pharma, "--trials", "100", "--json", json], as: TargetSLCommand.self)
        let object = try Self.object(json)
        Self.expectKeys(object, ["zonelab_target_sl", "seed", "trials", "zones", "roadmap"])
        let zones = try #require(object["zones"] as? [[String: Any]])
        #expect(!zones.isEmpty)
        for zone in zones { Self.expectKeys(zone, ["id", "sl_target", "recommended_sl_target", "achievable"]) }

        let printed = try ProcessTests.run([
            "target-sl", Self.pharma, "--trials", "100", "--json", files.path("p.json"),
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(Self.lines(printed.stdout).last == "target-sl: \(files.path("p.json"))", "\(printed.stdout)")
    }

    @Test func riskWritesTheWorksheet() throws {
        let files = try TemporaryFiles("cmd-risk")
        defer { files.cleanUp() }
        let json = files.path("r.json")
        let csv = files.path("r.csv")
        try Self.run(
            ["risk", RepositoryRoot.scenario("riverside-water"), "--trials", "200", "--json", json, "--csv", csv],
            as: RiskCommand.self)
        let object = try Self.object(json)
        Self.expectKeys(object, ["zonelab_risk", "seed", "trials", "scenario_sha256", "calibration", "risk", "zones"])
        let zones = try #require(object["zones"] as? [[String: Any]])
        #expect(zones.count == 5)
        for zone in zones {
            Self.expectKeys(zone, ["id", "sl_target", "risk_based_sl_target", "targets", "rationale"])
        }
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 6)  // a header, then one row per zone and target
        #expect(rows[0].hasPrefix("zone,zone_name,declared_sl_t,risk_based_sl_t,target"))
    }

    /// `--precision H` on risk and target-sl: the trial count is the one at which the plant as
    /// designed reaches the half-width (as `simulate --precision H` finds it), and every plant of
    /// the analysis runs with it.
    @Test func riskAndTargetSLTakeTheirTrialCountFromPrecision() throws {
        let files = try TemporaryFiles("cmd-precision")
        defer { files.cleanUp() }
        let plant = RepositoryRoot.scenario("riverside-water")
        try Self.run(
            ["simulate", plant, "--precision", "0.02", "--no-hardening", "--json", files.path("s.json")],
            as: Simulate.self)
        let trials = try #require(try Self.object(files.path("s.json"))["trials"] as? Int)
        #expect(trials > 2_000, "the half-width needs more than one block: \(trials)")
        try Self.run(
            ["risk", plant, "--precision", "0.02", "--json", files.path("r.json")], as: RiskCommand.self)
        #expect(try Self.object(files.path("r.json"))["trials"] as? Int == trials)
        try Self.run(
            [
                "target-sl", plant, "--precision", "0.02", "--max-steps", "1", "--roadmap-trials", "100", "--json",
                files.path("t.json"),
            ], as: TargetSLCommand.self)
        #expect(try Self.object(files.path("t.json"))["trials"] as? Int == trials)
    }

    @Test func requirementsWritesJSONAndCSV() throws {
        let files = try TemporaryFiles("cmd-requirements")
        defer { files.cleanUp() }
        let json = files.path("r.json")
        let csv = files.path("r.csv")
        try Self.run(["requirements", Self.pharma, "--json", json, "--csv", csv], as: RequirementsCommand.self)
        let object = try Self.object(json)
        Self.expectKeys(object, ["zonelab_requirements", "zones"])
        #expect(object["zonelab_requirements"] as? Int == 1)
        let table = Self.lines(try files.read("r.csv"))
        #expect(table.count > 1)
        #expect(table.dropFirst().contains { $0.contains("SR 1.1") }, "\(table.prefix(3))")

        let name = try ScenarioLoader.load(path: Self.pharma).scenario.name
        let printed = try ProcessTests.run(["requirements", Self.pharma, "--open-only"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(
            Self.lines(printed.stdout).first == "IEC 62443-3-3 requirements from SL-T: \(name)",
            "\(printed.stdout.prefix(200))")
        #expect(!printed.stdout.contains("covered"), "--open-only lists only open requirements")
    }

    /// The generated plant loads; the same seed gives the same bytes in two processes (whose
    /// hash seeds differ, so an order taken from a Set or Dictionary would show).
    @Test func generateWritesALoadablePlantTheSameInEveryProcess() throws {
        let files = try TemporaryFiles("cmd-generate")
        defer { files.cleanUp() }
        let path = files.path("plant.yaml")
        let generate = try Self.run(["generate", "--sites", "2", "--seed", "3", "-o", path], as: Generate.self)
        #expect(generate.sites == 2)
        let plant = try ScenarioLoader.load(path: path).scenario
        #expect(Array(plant.zones).count == 3 + 2 * 10)
        let first = try ProcessTests.run(["generate", "--sites", "2", "--seed", "3"])
        let second = try ProcessTests.run(["generate", "--sites", "2", "--seed", "3"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == (try files.read("plant.yaml")))
        #expect(second.stdout == first.stdout)
        let other = try ProcessTests.run(["generate", "--sites", "2", "--seed", "4"])
        #expect(other.stdout != first.stdout)
    }

    @Test func renderWritesThePictureAndPrintsItsPath() throws {
        let files = try TemporaryFiles("cmd-render")
        defer { files.cleanUp() }
        try Self.run(["render", Self.pharma, "--format", "dot", "-o", files.path("zones.dot")], as: Render.self)
        #expect(try files.read("zones.dot").hasPrefix("digraph"))
        try Self.run(["render", Self.pharma, "--format", "svg", "-o", files.path("zones.svg")], as: Render.self)
        #expect(try files.read("zones.svg").contains("<svg"))

        let paths = files.path("paths.svg")
        let printed = try ProcessTests.run([
            "render", Self.pharma, "--view", "paths", "--attacker", "SL3", "--trials", "200", "-o", paths,
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == "\(paths)\n")
        #expect(try files.read("paths.svg").contains("<svg"))
    }

    @Test func reportWritesTheFolderAndPrintsTheIndex() throws {
        let files = try TemporaryFiles("cmd-report")
        defer { files.cleanUp() }
        let out = files.path("report")
        let command = try ZoneLabCommand.parseAsRoot([
            "report", Self.pharma, "--trials", "200", "--roadmap-trials", "200", "--out", out,
        ])
        #expect((command as? Report)?.out == out)
        let printed = try ProcessTests.run([
            "report", Self.pharma, "--trials", "200", "--roadmap-trials", "200", "--out", out,
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        let index = "\(out)/index.html"
        #expect(printed.stdout == "\(index)\n")
        let html = try String(contentsOfFile: index, encoding: .utf8)
        #expect(html.contains("<html"))
        #expect(html.contains(try ScenarioLoader.load(path: Self.pharma).scenario.name))
        Self.expectKeys(try Self.object("\(out)/results.json"), ["zonelab_results", "seed", "trials", "targets"])
    }

    /// The demo finds its plant from any working directory and writes the report where asked.
    @Test func demoWritesTheReportOfTheDemoPlant() throws {
        let files = try TemporaryFiles("cmd-demo")
        defer { files.cleanUp() }
        let out = files.path("demo")
        let command = try ZoneLabCommand.parseAsRoot(["demo", "--trials", "200", "--out", out])
        #expect((command as? Demo)?.trials == 200)
        let printed = try ProcessTests.run(["demo", "--trials", "200", "--out", out], in: files.folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        let lines = Self.lines(printed.stdout)
        #expect(lines.count == 3, "\(printed.stdout)")
        #expect(
            lines.first?.hasPrefix("demo: ") == true
                && lines.first?.hasSuffix("scenarios/riverside-water.yaml") == true, "\(printed.stdout)")
        #expect(lines.dropFirst().first == "results: \(out)/results.json")
        #expect(lines.last == "\(out)/index.html")
        let results = try Self.object("\(out)/results.json")
        #expect(results["trials"] as? Int == 200)
        #expect(try String(contentsOfFile: "\(out)/index.html", encoding: .utf8).contains("<html"))
    }

    // MARK: Usage errors

    /// One valid command line per subcommand (its required arguments).
    static let minimalArguments: [String: [String]] = [
        "demo": ["demo"],
        "validate": ["validate", "a.yaml"],
        "show": ["show", "a.yaml"],
        "simulate": ["simulate", "a.yaml"],
        "compile": ["compile", "a.yaml"],
        "merge": ["merge", "s0.json"],
        "whatif": ["whatif", "a.yaml", "b.yaml"],
        "target-sl": ["target-sl", "a.yaml"],
        "risk": ["risk", "a.yaml"],
        "requirements": ["requirements", "a.yaml"],
        "generate": ["generate", "--sites", "1"],
        "render": ["render", "a.yaml"],
        "report": ["report", "a.yaml"],
        "schema": ["schema"],
        "lint": ["lint", "a.yaml"],
        "diff": ["diff", "a.yaml", "b.yaml"],
        "export": ["export"],
        "import": ["import"],
    ]

    /// Every subcommand has a case above (and in the tests that run each one).
    @Test func everySubcommandIsCovered() {
        let names = Set(ZoneLabCommand.configuration.subcommands.map { $0._commandName })
        #expect(names == Set(Self.minimalArguments.keys))
    }

    @Test(arguments: minimalArguments.keys.sorted())
    func minimalArgumentsParse(command: String) throws {
        let arguments = try #require(Self.minimalArguments[command])
        let parsed = try ZoneLabCommand.parseAsRoot(arguments)
        #expect(type(of: parsed)._commandName == command)
    }

    @Test(arguments: minimalArguments.keys.sorted())
    func anUnknownFlagIsAUsageError(command: String) throws {
        let arguments = try #require(Self.minimalArguments[command]) + ["--no-such-flag"]
        #expect {
            _ = try ZoneLabCommand.parseAsRoot(arguments)
        } throws: { error in
            ZoneLabCommand.exitCode(for: error) == ExitCode(64)
                && ZoneLabCommand.message(for: error).contains("Unknown option '--no-such-flag'")
        }
    }

    /// A refused value of each command's own options: exit 64, the message names the flag.
    @Test(arguments: [
        (["demo", "--trials", "0"], "--trials"),
        (["validate"], "<files>"),
        (["show"], "<file>"),
        (["simulate", "a.yaml", "--shard", "5/4", "--json", "x.json"], "--shard"),
        (["simulate", "a.yaml", "--shard", "0/2"], "--json"),
        (["compile", "a.yaml", "--horizon", "soon"], "--horizon"),
        (["merge"], "<shards>"),
        (["whatif", "a.yaml", "b.yaml", "--precision", "0.01"], "--precision"),
        (["target-sl", "a.yaml", "--seed", "-1"], "--seed"),
        (["requirements", "a.yaml", "--json"], "--json"),
        (["generate", "--sites", "0"], "--sites"),
        (["render", "a.yaml", "--format", "gif"], "--format"),
        (["report", "a.yaml", "--roadmap-trials", "0"], "--roadmap-trials"),
    ])
    func aRefusedValueNamesItsFlag(_ arguments: [String], _ flag: String) {
        #expect {
            _ = try ZoneLabCommand.parseAsRoot(arguments)
        } throws: { error in
            ZoneLabCommand.exitCode(for: error) == ExitCode(64) && ZoneLabCommand.message(for: error).contains(flag)
        }
    }
}
