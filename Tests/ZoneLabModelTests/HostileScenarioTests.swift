import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

/// Hostile scenario files end in diagnostics, never in a crash or a hang.
@Suite struct HostileScenarioTests {
    static func temporaryFile(_ name: String) throws -> URL {
        try TemporaryFiles("hostile").url(name)
    }

    @Test func fiftyMegabyteFileOfZones() throws {
        let url = try Self.temporaryFile("huge.yaml")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var text = "zonelab: 1\nname: Huge\nentry: [z0]\ntargets: [z0]\nzones:\n"
        text.reserveCapacity(52 << 20)
        var i = 0
        while text.utf8.count < 50 << 20 {
            text += "  - {id: z\(i), level: 1}\n"
            i += 1
        }
        try Data(text.utf8).write(to: url)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size >= 50 << 20)
        #expect {
            _ = try ScenarioLoader.load(path: url.path)
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics ?? []
            return d.count == 1 && d[0].message.contains("expands to more than 4000000 values") && d[0].file == url.path
        }
    }

    @Test func manyZonesLoadInReasonableTime() throws {
        // 100,000 zones: linear reading (a quadratic step would take minutes).
        var text = "zonelab: 1\nname: Many\nentry: [z0]\ntargets: [z99999]\nzones:\n"
        for i in 0..<100_000 { text += "  - id: z\(i)\n" }
        let loaded = try loadScenario(text)
        #expect(loaded.scenario.zones.count == 100_000)
        #expect(loaded.scenario.zones.keys.last == "z99999")
    }

    @Test func aliasBombInAScenario() {
        var text =
            minimalScenario + "description: &d0 [" + Array(repeating: "lol", count: 10).joined(separator: ",") + "]\n"
        for level in 1...9 {
            text +=
                "x\(level): &d\(level) [" + Array(repeating: "*d\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        let all = errors(in: text)
        #expect(all.count == 1, "\(listing(all))")
        #expect(all.first?.message.contains("expands to more than 4000000 values") == true)
    }

    @Test func aliasesCannotBlowUpUnknownKeys() {
        // Below the value limit, aliases of big lists are read as often as they are used, no more.
        var text =
            minimalScenario + "description: &d0 [" + Array(repeating: "x", count: 100).joined(separator: ",") + "]\n"
        text += "extra: [" + Array(repeating: "*d0", count: 100).joined(separator: ",") + "]\n"
        let all = errors(in: text)
        expectError(all, 11, 14, ["'description' must be a text value, found a list"])
        expectError(all, 12, 1, ["unknown key 'extra' in the scenario"])
        #expect(all.count == 2)
    }

    @Test(arguments: [
        (
            "flow",
            minimalScenario + "description: " + String(repeating: "[", count: 10_000)
                + String(repeating: "]", count: 10_000) + "\n"
        ),
        ("block", minimalScenario + "targets:\n" + String(repeating: "- ", count: 10_000) + "x\n"),
    ])
    func tenThousandLevelsDeep(_ label: String, _ text: String) {
        let all = errors(in: text)
        #expect(all.count == 1, "\(label): \(listing(all))")
        #expect(all.first?.message == "lists and mappings are nested more than 1000 levels deep")
    }

    @Test func deepButAllowedNestingIsReportedAsAWrongType() {
        let text =
            minimalScenario + "description: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            + "\n"
        expectSingleError(in: text, 11, 14, "'description' must be a text value, found a list")
    }

    @Test func unknownAliasInAScenario() {
        expectSingleError(
            in: edit(minimalScenario, "entry: [internet]", "entry: *start"), 3, 8, "unknown alias '*start'")
    }

    @Test func mappingAsAKeyInAZone() {
        let yaml = edit(minimalScenario, "  - id: internet\n", "  - id: internet\n    ? {sl: 1}\n    : 2\n")
        expectSingleError(in: yaml, 6, 7, "a mapping key must be a plain name, not a mapping")
    }

    @Test func randomBytes() {
        var generator = SplitMix64(seed: 62443)
        for _ in 0..<50 {
            let bytes = (0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let all = errors(in: Data(bytes))
            #expect(
                !all.isEmpty
                    && all.allSatisfy { $0.severity == .error && $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }

    @Test func printableGarbage() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("ab:-[]{}&*!|>'\"#%@ \n\t,?")
        for _ in 0..<300 {
            let text = String((0..<200).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let all = errors(in: text)
            #expect(!all.isEmpty, "\(text)")
            #expect(all.allSatisfy { $0.file == testFile && $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }
}

/// A small seeded generator for reproducible fuzz inputs (SplitMix64, Steele, Lea and Flood 2014).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
