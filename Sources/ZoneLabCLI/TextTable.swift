/// A plain-text table with aligned columns, for terminal output.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The widest a rendered line may be: wider cells are wrapped onto more lines of their row.
    static let maximumWidth = 120

    /// No column is narrowed below this to make the table fit.
    static let minimumColumnWidth = 10

    func render(indent: String = "  ", maximumWidth: Int = TextTable.maximumWidth) -> String {
        let widths = columnWidths(indent: indent, maximumWidth: maximumWidth)
        func lines(_ cells: [String]) -> [String] {
            let wrapped = widths.indices.map { i in Self.wrap(i < cells.count ? cells[i] : "", to: widths[i]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { k in
                var parts: [String] = []
                for (i, width) in widths.enumerated() {
                    let cell = k < wrapped[i].count ? wrapped[i][k] : ""
                    let pad = String(repeating: " ", count: max(0, width - cell.count))
                    parts.append(alignments[i] == .right ? pad + cell : cell + pad)
                }
                var text = indent + parts.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                return text
            }
        }
        var out = lines(headers) + [indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for row in rows { out += lines(row) }
        return out.joined(separator: "\n")
    }

    /// Each column as wide as its widest cell, then the widest columns narrowed (not below
    /// `minimumColumnWidth`, nor below their longest word) until the table fits `maximumWidth`.
    func columnWidths(indent: String, maximumWidth: Int) -> [Int] {
        var widths = headers.map(\.count)
        var floors = headers.map { min(Self.longestWord($0), Self.minimumColumnWidth) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.count)
                floors[i] = max(floors[i], min(Self.longestWord(cell), Self.minimumColumnWidth))
            }
        }
        floors = zip(floors, widths).map { max(min($0, $1), min($1, Self.minimumColumnWidth)) }
        func total() -> Int { indent.count + widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        while total() > maximumWidth {
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
            else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            if current.isEmpty {
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = ""
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                current = word
            }
        }
        lines.append(current)
        return lines
    }

    private static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map(\.count).max() ?? 0
    }
}
