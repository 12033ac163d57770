import ZoneLabModel

/// Colours, fonts and sizes shared by the pictures.
enum PictureStyle {
    static let font = "Helvetica"
    static let text = "#212121"
    static let muted = "#616161"
    static let fadedText = "#9E9E9E"
    static let clusterBorder = "#78909C"
    static let critical = "#C62828"
    static let entry = "#263238"
    static let path = "#C62828"
    static let pathInZone = "#AD1457"

    /// Conduit colour by its largest static SL gap: green none, orange 1, red 2 or more.
    static func gapColor(_ gap: Int) -> String {
        switch gap {
        case ..<1: "#2E7D32"
        case 1: "#EF6C00"
        default: "#C62828"
        }
    }

    /// Light cell tint of an SL shortfall in a zone's table.
    static func gapTint(_ gap: Int) -> String? {
        switch gap {
        case ..<1: nil
        case 1: "#FFE0B2"
        default: "#FFCDD2"
        }
    }

    /// A light fill per Purdue level, from the untrusted outside (5) down to the process (0).
    static func levelFill(_ level: Double?) -> String {
        switch level.map({ Int($0.rounded(.down)) }) {
        case 5: "#ECEFF1"
        case 4: "#E3F2FD"
        case 3: "#FFF8E1"
        case 2: "#E8F5E9"
        case 1: "#F3E5F5"
        case 0: "#FBE9E7"
        default: "#F5F5F5"
        }
    }

    /// Words wrapped into lines of at most `width` characters (a longer word keeps its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// Wrapped text as an HTML label; `minimumLines` pads with blank lines (to line up headers).
    static func wrapped(_ text: String, width: Int, align: HTMLAlign = .center, minimumLines: Int = 0) -> HTMLLabel {
        var lines = wrap(text, width: width)
        while lines.count < minimumLines { lines.append(" ") }
        return HTMLLabel.lines(lines.map { HTMLLabel($0) }, align: align)
    }

}
