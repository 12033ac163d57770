import ZoneLabSource

/// The keys of IEC 62443-3-2 risk (SPEC 2 v2, 4.1): `impact` and `loss` on assets and targets,
/// attacker `rate`, the calibration's `rate` table and the `risk:` block.
extension ScenarioReader {
    static let riskKeys = ["likelihood_bands", "matrix", "tolerable"]
    static let targetKeys = ["id", "impact", "loss"]

    /// `impact`: a level 1–5, or a map of categories (safety, environment, production, finance,
    /// reputation) each 1–5, whose largest counts.
    mutating func impact(_ node: DocumentNode, _ what: String) -> Impact? {
        if case .mapping(let pairs) = node.kind {
            guard let f = diagnostics.fields(of: node, what, allowed: Impact.categories) else { return nil }
            var entries: [(category: String, level: Int)] = []
            for pair in pairs {
                guard let category = pair.key.text, Impact.categories.contains(category), let value = f[category],
                    let level = diagnostics.integer(value, "'\(category)' of \(what)", in: 1...5)
                else { continue }
                entries.append((category, level))
            }
            if pairs.isEmpty {
                diagnostics.error(
                    "\(what) must rate at least one of \(Impact.categories.joined(separator: ", ")) from 1 to 5",
                    at: node.location)
            }
            return entries.isEmpty ? nil : Impact(byCategory: entries)
        }
        return diagnostics.integer(node, "\(what) (1 negligible … 5 catastrophic)", in: 1...5).map { Impact(level: $0) }
    }

    /// A positive finite number: `loss` (money per event) or `rate` (attempts per year).
    mutating func positive(_ node: DocumentNode, _ what: String) -> Double? {
        guard let value = diagnostics.number(node, what, in: 0...Double.greatestFiniteMagnitude) else { return nil }
        guard value > 0 else {
            diagnostics.error("\(what) must be greater than 0, found \(node.text ?? "0")", at: node.location)
            return nil
        }
        return value
    }

    /// The consequence keys of an asset or a `targets:` entry.
    mutating func consequence(_ f: Fields, _ what: String) -> Consequence {
        Consequence(
            impact: f["impact"].flatMap { impact($0, "'impact' of \(what)") },
            loss: f["loss"].flatMap { positive($0, "'loss' of \(what)") })
    }

    /// `targets:`: ids, or `{id, impact, loss}` mappings.
    mutating func targets(
        _ node: DocumentNode, into references: inout [Reference]
    ) -> (ids: [String], consequences: [String: Consequence])? {
        let items: [DocumentNode]
        if node.scalar != nil {
            items = [node]
        } else if let list = diagnostics.list(node, "'targets'") {
            items = list
        } else {
            return nil
        }
        var ids: [String] = []
        var consequences: [String: Consequence] = [:]
        for (i, item) in items.enumerated() {
            if case .mapping = item.kind {
                let what = "target #\(i + 1)"
                guard let f = diagnostics.fields(of: item, what, allowed: Self.targetKeys, required: ["id"]),
                    let idNode = f["id"], let id = diagnostics.identifier(idNode, "the id of \(what)")
                else { continue }
                ids.append(id)
                references.append(Reference(id: id, kind: .zoneOrAsset, what: "'targets':", location: idNode.location))
                consequences[id] = consequence(f, "target '\(id)'")
            } else if let id = diagnostics.identifier(item, "an item of 'targets'") {
                ids.append(id)
                references.append(Reference(id: id, kind: .zoneOrAsset, what: "'targets':", location: item.location))
            }
        }
        return (ids, consequences)
    }

    /// The calibration's `rate`: capability 1–4 to attempts per year.
    mutating func rateTable(_ node: DocumentNode, _ what: String) -> [Int: Double] {
        integerKeyedTable(
            node, what, keys: Calibration.capabilities, keyName: "a capability 1 to 4", mapsTo: "attempts per year"
        ) { reader, value, c, _ in
            reader.positive(value, "the rate of capability \(c) in \(what)")
        }
    }

    /// The `risk:` block: every key optional; a matrix has all five rows of five levels,
    /// non-decreasing along rows and down columns; bands are four strictly ascending positives.
    mutating func riskSettings(_ node: DocumentNode) -> RiskSettings? {
        guard let f = diagnostics.fields(of: node, "'risk'", allowed: Self.riskKeys) else { return nil }
        var settings = RiskSettings.standard
        if let bandsNode = f["likelihood_bands"], let items = diagnostics.list(bandsNode, "'likelihood_bands'") {
            let bands = items.compactMap { positive($0, "a likelihood band (expected compromises per year)") }
            if items.count != 4 {
                diagnostics.error(
                    "'likelihood_bands' must be four thresholds of λ (levels 2–5 start there), found \(items.count)",
                    at: bandsNode.location)
            } else if bands.count == 4 {
                if zip(bands, bands.dropFirst()).allSatisfy({ $0 < $1 }) {
                    settings.likelihoodBands = bands
                } else {
                    diagnostics.error("'likelihood_bands' must be strictly ascending", at: bandsNode.location)
                }
            }
        }
        if let matrixNode = f["matrix"], let matrix = riskMatrix(matrixNode) { settings.matrix = matrix }
        if let tolerableNode = f["tolerable"],
            let level = choice(tolerableNode, "'tolerable' of 'risk'", RiskLevel.self)
        {
            settings.tolerable = level
        }
        return settings
    }

    mutating func riskMatrix(_ node: DocumentNode) -> [[RiskLevel]]? {
        let rowKeys = (1...5).map(String.init)
        guard let f = diagnostics.fields(of: node, "'matrix' of 'risk'", allowed: rowKeys, required: rowKeys) else {
            return nil
        }
        var rows: [[RiskLevel]] = []
        for key in rowKeys {
            guard let rowNode = f[key], let items = diagnostics.list(rowNode, "row \(key) of 'matrix'") else {
                return nil
            }
            guard items.count == 5 else {
                diagnostics.error(
                    "row \(key) of 'matrix' must give five levels (likelihood 1–5), found \(items.count)",
                    at: rowNode.location)
                return nil
            }
            let levels = items.compactMap { choice($0, "a level of row \(key) of 'matrix'", RiskLevel.self) }
            guard levels.count == 5 else { return nil }
            if !zip(levels, levels.dropFirst()).allSatisfy({ $0 <= $1 }) {
                diagnostics.error(
                    "row \(key) of 'matrix' must not fall as likelihood rises (levels are low < medium < high < critical)",
                    at: rowNode.location)
                return nil
            }
            rows.append(levels)
        }
        for (i, pair) in zip(rows, rows.dropFirst()).enumerated() where !zip(pair.0, pair.1).allSatisfy({ $0 <= $1 }) {
            diagnostics.error(
                "row \(i + 2) of 'matrix' must not be below row \(i + 1) in any column: risk does not fall as impact rises",
                at: f["\(i + 2)"]?.location ?? node.location)
            return nil
        }
        return rows
    }
}
