import ZoneLabModel

/// SL vectors written for pictures.
enum SLLabels {
    /// `SL-T 3 / SL-A 2212122` (compact per-FR form; a uniform vector as one digit).
    static func compact(target: SLVector, achieved: SLVector) -> String {
        "SL-T \(short(target)) / SL-A \(short(achieved))"
    }

    static func short(_ v: SLVector) -> String { v.isUniform ? "\(v[.IAC])" : v.compact }

    /// A zone's SL-T and SL-A per FR as a small table; FRs short of target are tinted.
    static func table(target: SLVector, achieved: SLVector) -> HTMLLabel {
        let ink = PictureStyle.text
        var table = HTMLTable([.border(0), .cellborder(1), .cellspacing(0), .cellpadding(2), .color("#90A4AE")])
        table.row(
            [HTMLTable.Cell(HTMLLabel("").font(size: 7))]
                + FR.allCases.map {
                    HTMLTable.Cell(HTMLLabel($0.rawValue).font(size: 7, color: PictureStyle.muted))
                })
        table.row(
            [HTMLTable.Cell(HTMLLabel("SL-T").font(size: 8, color: ink), [.align(.left)])]
                + FR.allCases.map { HTMLTable.Cell(HTMLLabel("\(target[$0])").font(size: 8, color: ink)) })
        table.row(
            [HTMLTable.Cell(HTMLLabel("SL-A").font(size: 8, color: ink), [.align(.left)])]
                + FR.allCases.map { fr in
                    // An FR not assessed is shown as "–", never as a gap (SPEC 4 "not assessed").
                    guard achieved.isAssessed(fr) else {
                        return HTMLTable.Cell(HTMLLabel("–").font(size: 8, color: PictureStyle.muted))
                    }
                    let gap = target[fr] - achieved[fr]
                    var attributes: [HTMLTable.Attribute] = []
                    if let tint = PictureStyle.gapTint(gap) { attributes.append(.bgcolor(tint)) }
                    let text = HTMLLabel("\(achieved[fr])").font(size: 8, color: ink)
                    return HTMLTable.Cell(gap > 0 ? text.bold() : text, attributes)
                })
        return .table(table)
    }

    /// A conduit's levels on the FRs it names (or its target names): `A/T RDF 3/3 · IAC 2/3`
    /// as SL-A/SL-T, in FR order.
    /// More than three FRs named: the compact per-FR form `SL-A 2000200 / SL-T 2222222`.
    static func conduitLevels(achieved: SLVector, target: SLVector) -> String {
        let frs = achieved.assessedFRs
        guard !frs.isEmpty else { return "SL-A not assessed" }
        if frs.count > 3 { return "SL-A \(short(achieved)) / SL-T \(short(target))" }
        return "A/T " + frs.map { "\($0.rawValue) \(achieved[$0])/\(target[$0])" }.joined(separator: " · ")
    }
}
