import ArgumentParser
import ZoneLabIEC62443

/// `zonelab`: the root command.
public struct ZoneLabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonelab",
        abstract: "Simulate attacks on IEC 62443 zone and conduit designs.",
        discussion: """
            ZoneLab reads a plant model (zones, assets, conduits with SL-A/SL-T), compiles it into an \
            attack graph and runs seeded Monte Carlo attacks by attackers of capability SL 1–4.

            Examples:
              zonelab validate scenarios/riverside-water.yaml
              zonelab show scenarios/riverside-water.yaml
              zonelab simulate scenarios/riverside-water.yaml --json results.json

            Exit codes: 0 success, 64 usage error, 65 bad input data, 66 an input file cannot be read, \
            73 an output file cannot be written, 3 --check failed, 1 internal failure.
            """,
        version: ZoneLabVersion.current,
        subcommands: [
            Demo.self, Validate.self, Show.self, Simulate.self, Compile.self, Merge.self, WhatIfCommand.self,
            TargetSLCommand.self, RiskCommand.self, RequirementsCommand.self, Generate.self, Render.self, Report.self,
            SchemaCommand.self, Lint.self, Diff.self, Export.self, Import.self,
        ]
    )

    public init() {}
}

/// The executable's entry point.
public enum ZoneLabMain {
    /// Parses the process's arguments, runs the command and exits with its status.
    public static func run() { ZoneLabCommand.main() }
}
