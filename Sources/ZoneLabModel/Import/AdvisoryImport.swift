import Foundation
import OrderedCollections
import ZoneLabSource

/// `zonelab import advisories FILE.json... --into SCENARIO [--kev FILE.json]` (SPEC 8): CSAF 2.0
/// advisories matched to the assets' `inventory` by vendor, model and firmware.
public enum AdvisoryImport {
    /// A product of a CSAF product tree, with the branches above it.
    struct Product {
        var id: String
        var vendor: String?
        var model: String?
        var version: String?
        var range: String?
    }

    /// One read advisory: its products and its vulnerabilities.
    public struct Advisory: Sendable {
        var file: String
        var trackingID: String
        var products: [String: (vendor: String?, model: String?, version: String?, range: String?)]
        var vulnerabilities: [(cve: String, affected: [String], severity: [String: Severity], any: Severity?)]
    }

    /// Reads a CSAF 2.0 advisory (JSON, read strictly).
    public static func advisory(_ data: Data, file: String) throws(DiagnosticError) -> Advisory {
        let root = try StrictJSON.parse(data, file: file)
        var d = Diagnostics(file: file)
        guard root["document"]?["csaf_version"]?.text == "2.0" else {
            d.error("not a CSAF 2.0 advisory: 'document.csaf_version' is not \"2.0\"", at: root.location)
            throw DiagnosticError(d.all)
        }
        var products: [String: (vendor: String?, model: String?, version: String?, range: String?)] = [:]
        func walk(_ branches: [DocumentNode], _ context: Product) {
            for branch in branches {
                var p = context
                let name = branch["name"]?.text
                switch branch["category"]?.text {
                case "vendor": p.vendor = name
                case "product_name": p.model = name
                case "product_version": p.version = name
                case "product_version_range": p.range = name
                default: break
                }
                if let id = branch["product"]?["product_id"]?.text {
                    products[id] = (p.vendor, p.model, p.version, p.range)
                }
                walk(branch["branches"]?.items ?? [], p)
            }
        }
        walk(root["product_tree"]?["branches"]?.items ?? [], Product(id: ""))
        var vulnerabilities: [(cve: String, affected: [String], severity: [String: Severity], any: Severity?)] = []
        for v in root["vulnerabilities"]?.items ?? [] {
            guard let cve = v["cve"]?.text else { continue }
            let affected = (v["product_status"]?["known_affected"]?.items ?? []).compactMap(\.text)
            var severity: [String: Severity] = [:]
            var any: Severity?
            for score in v["scores"]?.items ?? [] {
                guard let s = score["cvss_v3"]?["baseSeverity"]?.text.flatMap(Self.severity) else { continue }
                any = any ?? s
                for id in (score["products"]?.items ?? []).compactMap(\.text) { severity[id] = s }
            }
            vulnerabilities.append((cve, affected, severity, any))
        }
        let tracking = root["document"]?["tracking"]?["id"]?.text ?? URL(fileURLWithPath: file).lastPathComponent
        return Advisory(file: file, trackingID: tracking, products: products, vulnerabilities: vulnerabilities)
    }

    /// The CVE ids of a CISA KEV catalogue (`{"vulnerabilities": [{"cveID": …}]}`).
    public static func kev(_ data: Data, file: String) throws(DiagnosticError) -> Set<String> {
        let root = try StrictJSON.parse(data, file: file)
        guard let list = root["vulnerabilities"], case .sequence(let items) = list.kind else {
            throw DiagnosticError([
                Diagnostic(.error, file: file, at: root.location, "not a CISA KEV catalogue: no 'vulnerabilities' list")
            ])
        }
        return Set(items.compactMap { $0["cveID"]?.text })
    }

    static func severity(_ text: String) -> Severity? {
        switch text.uppercased() {
        case "CRITICAL": .critical
        case "HIGH": .high
        case "MEDIUM": .medium
        case "LOW", "NONE": .low
        default: nil
        }
    }

    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a.trimmingCharacters(in: .whitespaces).lowercased()
            == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Why `product` affects an asset with `inventory`, or nil (with why not, for near misses).
    static func match(
        _ product: (vendor: String?, model: String?, version: String?, range: String?), _ inventory: Inventory
    )
        -> (reason: String?, miss: String?)
    {
        guard same(product.vendor, inventory.vendor) else { return (nil, nil) }
        guard same(product.model, inventory.model), let vendor = product.vendor, let model = product.model else {
            return (nil, nil)  // same vendor, other product: never a match
        }
        let firmware = inventory.firmware.map(FirmwareVersion.init)
        if let version = product.version {
            guard let firmware else { return (nil, "firmware unknown, the advisory names version \(version)") }
            return firmware == FirmwareVersion(version)
                ? ("\(vendor) \(model) firmware \(inventory.firmware ?? "") = \(version)", nil)
                : (nil, "firmware \(inventory.firmware ?? "") is not \(version)")
        }
        if let rangeText = product.range {
            let text = rangeText.hasPrefix("vers:") ? rangeText : "vers:generic/\(rangeText)"
            guard let range = VersRange(text) else { return (nil, "range '\(rangeText)' is no vers: range") }
            guard let firmware else { return (nil, "firmware unknown, the advisory names \(rangeText)") }
            return range.contains(firmware)
                ? ("\(vendor) \(model) firmware \(inventory.firmware ?? "") in \(range)", nil)
                : (nil, "firmware \(inventory.firmware ?? "") outside \(range)")
        }
        return ("\(vendor) \(model), every version", nil)
    }

    public static func run(
        advisories: [Advisory], kev: Set<String>, scenario data: Data, scenarioFile: String
    ) throws(DiagnosticError) -> ImportOutcome {
        let base = try EditableScenario(data: data, file: scenarioFile)
        var notes: [String] = []
        var added: OrderedDictionary<String, [String]> = [:]
        for asset in base.scenario.assets.values {
            guard let inventory = asset.inventory else { continue }
            var have = Set(asset.vulnerabilities.map(\.id))
            for advisory in advisories {
                for v in advisory.vulnerabilities {
                    for productID in v.affected {
                        guard let product = advisory.products[productID] else { continue }
                        let (reason, miss) = match(product, inventory)
                        if let miss {
                            notes.append("\(asset.id): \(v.cve) not matched (\(miss); \(advisory.trackingID))")
                        }
                        guard let reason else { continue }
                        guard !have.contains(v.cve) else {
                            notes.append("\(asset.id): \(v.cve) already listed (\(reason); \(advisory.trackingID))")
                            break
                        }
                        guard Diagnostics.isIdentifier(v.cve), let severity = v.severity[productID] ?? v.any else {
                            notes.append(
                                "\(asset.id): \(v.cve) skipped: no CVSS v3 base severity in \(advisory.trackingID)")
                            break
                        }
                        let exploit = kev.contains(v.cve) ? "public" : "none"
                        have.insert(v.cve)
                        added[asset.id, default: []].append(
                            "{id: \(v.cve), severity: \(severity.rawValue), exploit: \(exploit)}")
                        notes.append(
                            "\(asset.id): \(v.cve) (\(reason), known_affected in \(advisory.trackingID); CVSS v3 \(severity.rawValue); \(kev.contains(v.cve) ? "in the CISA KEV catalogue: exploit public" : "not in the KEV catalogue"))"
                        )
                        break
                    }
                }
            }
        }
        var editor = YAMLEditor(base.text)
        for (assetID, items) in added {
            guard let node = base.item("assets", id: assetID) else { continue }
            if let list = node["vulnerabilities"], case .sequence = list.kind {
                editor.append(items: items, to: list)
            } else if node["vulnerabilities"] == nil {
                editor.add(key: "vulnerabilities", value: "[\(items.joined(separator: ", "))]", to: node)
            } else {
                throw DiagnosticError([
                    Diagnostic(
                        .error, file: scenarioFile, at: node["vulnerabilities"]?.location ?? node.location,
                        "'vulnerabilities' of asset '\(assetID)' has no list to add the advisories' CVEs to")
                ])
            }
        }
        if added.isEmpty { notes.append("no advisory affects an asset of \(scenarioFile)") }
        let text = try EditableScenario.checked(editor.text, file: scenarioFile)
        return ImportOutcome(yaml: text, notes: notes, warnings: [])
    }
}
