import ZoneLabSource

/// Lint findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
/// form GitHub code scanning and other CI tools read to annotate a pull request.
public enum LintSARIF {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// One run of the `zonelab` driver with every rule and the findings.
    public static func log(_ findings: [LintFinding], toolVersion: String) -> JSONValue {
        let rules = LintRule.allCases
        let driver: JSONValue = .object([
            ("name", "zonelab"),
            ("version", .string(toolVersion)),
            ("informationUri", "https://github.com/zonelab/zonelab"),
            ("rules", .array(rules.map(descriptor))),
        ])
        let results: [JSONValue] = findings.map { finding in
            .object([
                ("ruleId", .string(finding.rule.id)),
                ("ruleIndex", .int(rules.firstIndex(of: finding.rule) ?? 0)),
                ("level", .string(finding.severity.rawValue)),
                ("message", .object([("text", .string(finding.message))])),
                (
                    "locations",
                    [
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(uri(finding.file)))])),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(finding.location.line)),
                                            ("startColumn", .int(finding.location.column)),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ]
                ),
            ])
        }
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", "2.1.0"),
            ("runs", [.object([("tool", .object([("driver", driver)])), ("results", .array(results))])]),
        ])
    }

    static func descriptor(_ rule: LintRule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("help", .object([("text", .string(rule.summary + " See " + rule.docsPath + "."))])),
            ("defaultConfiguration", .object([("level", .string(rule.severity.rawValue))])),
        ])
    }

    /// The file as a relative URI reference: path separators kept, other unsafe characters
    /// percent-encoded (RFC 3986).
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                result.append(c)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
