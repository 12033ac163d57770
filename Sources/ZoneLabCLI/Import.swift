import ArgumentParser
import Foundation
import ZoneLabModel
import ZoneLabSource

/// `zonelab import …`
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build or update a scenario from real data: inventories, firewall rules, advisories.",
        discussion: """
            Output goes to -o PATH, else standard output; --into never rewrites its input. Guessed \
            values are marked "# guessed"; what was matched or skipped is listed on standard error, \
            one line each. Importing the same data twice adds nothing.

            Examples:
              zonelab import inventory assets.csv -o plant.yaml
              zonelab import firewall rules.csv --into plant.yaml -o plant-fw.yaml
              zonelab import advisories csaf/*.json --kev kev.json --into plant-fw.yaml
            """,
        subcommands: [ImportInventory.self, ImportFirewall.self, ImportAdvisories.self])
}

/// What every import writes: the scenario to -o or standard output, the notes and warnings on stderr.
func finishImport(_ outcome: ImportOutcome, output: String?) throws {
    for warning in outcome.warnings { printError(warning.description) }
    for note in outcome.notes { printError(note) }
    if let output {
        try writeAtomically(outcome.yaml, to: output)
        printError("scenario: \(output)")
    } else {
        print(outcome.yaml, terminator: "")
    }
}

/// Reads a CSV input; bad CSV exits 65, an unreadable file 66.
func readCSV(_ path: String) throws -> [CSVRecord] {
    try withInputErrors { () throws(DiagnosticError) in try CSVReader.read(contentsOf: path) }
}

/// Reads the scenario of --into; a missing file exits 66.
func readInto(_ path: String) throws -> Data {
    try withInputErrors { () throws(DiagnosticError) in try DocumentParser.read(contentsOf: path) }
}

/// `zonelab import inventory FILE.csv`
struct ImportInventory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "A scenario skeleton from an asset inventory (CSV as OT monitoring products export it).",
        discussion: """
            Columns by name, ignoring case: name or hostname, ip, mac, vendor, model, firmware, type, \
            and zone or vlan or subnet (the first non-empty one names the asset's zone; with none, one \
            zone per /24 of ip, id net-A-B-C); others are ignored. Entry, targets and types are \
            guessed and marked. A row that cannot be read is FILE:LINE:COL and exit 65, unless \
            --skip-bad-rows (then a warning).

            Examples:
              zonelab import inventory examples/import/inventory.csv -o plant.yaml
              zonelab import inventory assets.csv --skip-bad-rows --name "North mill"
            """)

    @Argument(help: "The inventory (.csv with a header row).")
    var file: String

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the scenario to this file (default: standard output).", valueName: "path"))
    var output: String?

    @Option(help: "The scenario's name (default: the CSV file's name, marked guessed).")
    var name: String?

    @Flag(help: "Skip rows that cannot be read, with a warning each, instead of failing.")
    var skipBadRows = false

    func run() throws {
        try checkOutputs(output)
        let records = try readCSV(file)
        let outcome = try withInputErrors { () throws(DiagnosticError) in
            try InventoryImport.run(records: records, file: file, name: name, skipBadRows: skipBadRows)
        }
        try finishImport(outcome, output: output)
    }
}

/// `zonelab import firewall FILE.csv --into SCENARIO`
struct ImportFirewall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall",
        abstract: "Conduits and channels from a firewall's allow rules.",
        discussion: """
            Columns source, destination, protocol, port, action (and id, rule or name for the channel \
            id). A host is an asset id, an asset name or an inventory ip; one conduit per zone pair, \
            one channel per allow rule. Deny rules, rules inside one zone and unknown hosts add \
            nothing (a warning each).

            Examples:
              zonelab import firewall rules.csv --into plant.yaml -o plant-fw.yaml
            """)

    @Argument(help: "The rule export (.csv with a header row).")
    var file: String

    @Option(help: ArgumentHelp("The scenario to update (it is not changed).", valueName: "scenario"))
    var into: String

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the scenario to this file (default: standard output).", valueName: "path"))
    var output: String?

    @Flag(help: "Skip rows that cannot be read, with a warning each, instead of failing.")
    var skipBadRows = false

    func run() throws {
        try checkOutputs(output)
        let records = try readCSV(file)
        let scenario = try readInto(into)
        let outcome = try withInputErrors { () throws(DiagnosticError) in
            try FirewallImport.run(
                records: records, file: file, scenario: scenario, scenarioFile: into, skipBadRows: skipBadRows)
        }
        try finishImport(outcome, output: output)
    }
}

/// `zonelab import advisories FILE.json... --into SCENARIO [--kev FILE.json]`
struct ImportAdvisories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisories",
        abstract: "Vulnerabilities from CSAF 2.0 advisories, on the assets whose inventory they affect.",
        discussion: """
            An asset is affected when its inventory's vendor and model equal a product's (ignoring \
            case; never on the vendor alone) and its firmware equals the product_version or lies in \
            the product_version_range (vers:, a leading V ignored), for products listed under \
            product_status.known_affected. The CVSS v3 base severity gives the severity; a CVE in \
            the CISA KEV catalogue (--kev) gets exploit: public. Each match is printed \
            ASSET: CVE (reason) on standard error.

            Examples:
              zonelab import advisories csaf/*.json --kev kev.json --into plant.yaml
            """)

    @Argument(help: "CSAF 2.0 advisories (.json).")
    var files: [String]

    @Option(help: ArgumentHelp("The scenario to update (it is not changed).", valueName: "scenario"))
    var into: String

    @Option(help: ArgumentHelp("The CISA Known Exploited Vulnerabilities catalogue (JSON).", valueName: "file"))
    var kev: String?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the scenario to this file (default: standard output).", valueName: "path"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one CSAF advisory (.json)") }
    }

    func run() throws {
        try checkOutputs(output)
        let advisories = try files.map { file in
            try withInputErrors { () throws(DiagnosticError) in
                try AdvisoryImport.advisory(try DocumentParser.read(contentsOf: file), file: file)
            }
        }
        let catalogue =
            try kev.map { file in
                try withInputErrors { () throws(DiagnosticError) in
                    try AdvisoryImport.kev(try DocumentParser.read(contentsOf: file), file: file)
                }
            } ?? []
        let scenario = try readInto(into)
        let outcome = try withInputErrors { () throws(DiagnosticError) in
            try AdvisoryImport.run(advisories: advisories, kev: catalogue, scenario: scenario, scenarioFile: into)
        }
        try finishImport(outcome, output: output)
    }
}
