import Foundation
import Testing
import ZoneLabTestSupport

/// The real `zonelab` binary, run as a user or a batch system would: exit codes, byte-identical
/// JSON across thread counts, and four shard processes merged into exactly one run's JSON.
@Suite(.serialized) struct ProcessTests {
    /// The binary beside the test bundle (swift test builds every product).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zonelab")
    }

    static var scenario: String { RepositoryRoot.scenario("pharma-batch") }

    /// What a run of the binary printed and how it ended.
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the binary with standard output discarded; `wait` returns its exit status and standard error.
    static func start(_ arguments: [String], environment: [String: String]? = nil) throws -> (
        process: Process, stderr: Pipe
    ) {
        let process = Process()
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.executableURL = binary
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    /// Runs the binary to its end (in `directory` when given); standard output and error go to
    /// files, so that neither can fill a pipe and stall the process.
    static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws
        -> Result
    {
        let io = try TemporaryFiles("process-io")
        defer { io.cleanUp() }
        let process = Process()
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let directory { process.currentDirectoryURL = directory }
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: try io.write("stdout", Data())))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: try io.write("stderr", Data())))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try io.read("stdout"), stderr: try io.read("stderr"))
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test func fourShardProcessesMergeIntoOneRun() throws {
        let dir = try TemporaryFiles("process").folder
        let common = [Self.scenario, "--trials", "3001", "--seed", "9", "--no-hardening"]
        let shards = try (0..<4).map { i in
            try Self.start(
                ["simulate"] + common + [
                    "--threads", "1", "--shard", "\(i)/4", "--json", dir.appendingPathComponent("s\(i).json").path,
                ])
        }
        for (process, _) in shards { process.waitUntilExit() }
        #expect(shards.allSatisfy { $0.process.terminationStatus == 0 })
        let merge = try Self.run(
            ["merge"] + (0..<4).map { dir.appendingPathComponent("s\($0).json").path } + [
                "--json", dir.appendingPathComponent("merged.json").path,
            ])
        #expect(merge.status == 0, "\(merge.stderr)")
        let single = try Self.run(
            ["simulate"] + common + ["--threads", "2", "--json", dir.appendingPathComponent("single.json").path])
        #expect(single.status == 0)
        let merged = try Data(contentsOf: dir.appendingPathComponent("merged.json"))
        let whole = try Data(contentsOf: dir.appendingPathComponent("single.json"))
        #expect(merged == whole)
        #expect(whole.count > 1_000)
    }

    /// `--shard auto` takes its shard from a Slurm array or a Kubernetes Indexed Job.
    @Test func shardAutoReadsTheBatchSystem() throws {
        let dir = try TemporaryFiles("process").folder
        let common = ["simulate", Self.scenario, "--trials", "400", "--attacker", "SL2", "--no-hardening"]
        let slurm = try Self.run(
            common + ["--shard", "auto", "--json", dir.appendingPathComponent("a.json").path],
            environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
        let explicit = try Self.run(common + ["--shard", "1/2", "--json", dir.appendingPathComponent("b.json").path])
        let kubernetes = try Self.run(
            common + ["--shard", "auto", "--json", dir.appendingPathComponent("c.json").path],
            environment: ["JOB_COMPLETION_INDEX": "1", "ZONELAB_SHARDS": "2"])
        #expect(slurm.status == 0 && explicit.status == 0 && kubernetes.status == 0)
        let b = try Data(contentsOf: dir.appendingPathComponent("b.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("a.json")) == b)
        #expect(try Data(contentsOf: dir.appendingPathComponent("c.json")) == b)
        let none = try Self.run(
            common + ["--shard", "auto", "--json", dir.appendingPathComponent("d.json").path],
            environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""])
        #expect(none.status == 64)
        #expect(none.stderr.contains("SLURM_ARRAY_TASK_ID"))
    }

    @Test func mergeRefusesShardsThatDoNotMakeOneRun() throws {
        let dir = try TemporaryFiles("process").folder
        func shard(_ spec: String, trials: String, _ name: String) throws {
            let r = try Self.run([
                "simulate", Self.scenario, "--trials", trials, "--attacker", "SL2", "--no-hardening",
                "--shard", spec, "--json", dir.appendingPathComponent(name).path,
            ])
            #expect(r.status == 0)
        }
        try shard("0/2", trials: "400", "a.json")
        try shard("1/2", trials: "600", "b.json")
        try shard("1/3", trials: "400", "c.json")
        let mixed = try Self.run([
            "merge", dir.appendingPathComponent("a.json").path, dir.appendingPathComponent("b.json").path,
        ])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("trials"))
        let missing = try Self.run(["merge", dir.appendingPathComponent("a.json").path])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("missing"))
        let otherCount = try Self.run([
            "merge", dir.appendingPathComponent("a.json").path, dir.appendingPathComponent("c.json").path,
        ])
        #expect(otherCount.status == 65)
    }

    @Test func sameJSONForOneAndTwoThreads() throws {
        let dir = try TemporaryFiles("process").folder
        for threads in ["1", "2"] {
            let r = try Self.run([
                "simulate", Self.scenario, "--trials", "1500", "--attacker", "SL3", "--threads", threads,
                "--json", dir.appendingPathComponent("t\(threads).json").path,
            ])
            #expect(r.status == 0)
        }
        let one = try Data(contentsOf: dir.appendingPathComponent("t1.json"))
        let two = try Data(contentsOf: dir.appendingPathComponent("t2.json"))
        #expect(one == two)
        let text = String(decoding: one, as: UTF8.self)
        #expect(text.contains("\"scenario_sha256\""))
        #expect(text.contains("\"calibration\""))
        #expect(text.contains("\"hardening_gain\""))
    }

    @Test func badInputExits65AndWritesNothing() throws {
        let dir = try TemporaryFiles("process").folder
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("zonelab: 1\nname: x\nzones: [{id: a, levle: 2}]\n".utf8).write(to: bad)
        let out = dir.appendingPathComponent("out.json")
        let r = try Self.run(["simulate", bad.path, "--json", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(bad.path):3:"))
        #expect(r.stderr.contains("did you mean 'level'"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Self.run(["simulate", Self.scenario, "--trials", "0"]).status == 64)
        #expect(try Self.run(["simulate", Self.scenario, "--shard", "5/4", "--json", "x.json"]).status == 64)
        #expect(try Self.run(["frobnicate"]).status == 64)
    }

    @Test func checkExits3WhenAZoneFallsShort() throws {
        // The demo plant's zones fall short of their SL-T in practice (its vendor shortcut).
        let r = try Self.run([
            "simulate", RepositoryRoot.scenario("riverside-water"),
            "--trials", "1000", "--attacker", "SL3", "--no-hardening", "--check",
        ])
        #expect(r.status == 3)
        #expect(r.stderr.contains("check failed"))
    }
}
