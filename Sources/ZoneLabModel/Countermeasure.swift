import Foundation
import ZoneLabSource

/// A countermeasure the roadmap may propose (SPEC 4): a patch file with a `name:` and a `cost:`,
/// e.g. a data diode, closing a vendor tunnel, patching a CVE, an OT IDS that raises TRE.
public struct Countermeasure: Sendable {
    public var name: String
    /// Nil: no cost given (ranked after costed candidates, by reduction alone).
    public var cost: Double?
    public var file: String
    /// The patch document, each node marked with its file.
    let patch: DocumentNode

    /// Loads a countermeasure patch and checks that it applies to `base` (every problem at its place).
    public static func load(path: String, base: PlantBase) throws(DiagnosticError) -> Countermeasure {
        let root = try DocumentParser.parse(contentsOf: path).marked(file: path)
        var d = Diagnostics(file: path)
        guard ScenarioPatch.isPatch(root) else {
            d.error("a countermeasure is a patch file (zonelab_patch: 1) with a name: and a cost:", at: root.location)
            throw DiagnosticError(d.errors)
        }
        let name = root["name"].flatMap { d.string($0, "'name' of the countermeasure") }
        let cost = root["cost"].flatMap {
            d.number($0, "'cost' of the countermeasure", in: 0...Double.greatestFiniteMagnitude)
        }
        if root["name"] == nil {
            d.error("a countermeasure needs a 'name:' (what the roadmap calls it)", at: root.location)
        }
        try d.throwIfErrors()
        let measure = Countermeasure(
            name: name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, cost: cost, file: path,
            patch: root)
        _ = try base.scenario(with: [measure])
        return measure
    }
}

/// A base scenario's document, to which countermeasure patches apply in order.
public struct PlantBase: Sendable {
    public let file: String
    let root: DocumentNode

    public init(path: String) throws(DiagnosticError) {
        file = path
        root = try DocumentParser.parse(contentsOf: path)
    }

    /// The scenario with `measures` applied in order; every problem against the file it is in.
    public func scenario(with measures: [Countermeasure]) throws(DiagnosticError) -> Scenario {
        var document = root
        var all = Diagnostics(file: file)
        for measure in measures {
            var d = Diagnostics(file: measure.file)
            document = ScenarioPatch.apply(measure.patch, to: document, diagnostics: &d)
            all.append(contentsOf: d)
        }
        var reader = ScenarioReader(file: file)
        let scenario = reader.read(document)
        all.append(contentsOf: reader.diagnostics)
        try all.throwIfErrors()
        guard let scenario else {
            throw DiagnosticError([
                Diagnostic(.error, file: file, at: .start, "the scenario with the countermeasures is not valid")
            ])
        }
        return scenario
    }
}
