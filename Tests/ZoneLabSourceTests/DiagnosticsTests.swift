import Testing
import ZoneLabSource

/// Diagnostics: their printed form, order and how they are thrown.
@Suite struct DiagnosticsTests {
    @Test func printedForm() {
        let error = Diagnostic(.error, file: "plant.yaml", at: Location(line: 12, column: 7), "something is wrong")
        #expect(error.description == "plant.yaml:12:7: error: something is wrong")
        let warning = Diagnostic(.warning, file: "plant.yaml", at: .start, "look here")
        #expect(warning.description == "plant.yaml:1:1: warning: look here")
    }

    @Test func printedFormIsOneLineWhateverTheMessageQuotes() {
        let d = Diagnostic(.error, file: "f.yaml", at: .start, "found 'a\nb\tc\r\u{1B}d'")
        #expect(d.description == #"f.yaml:1:1: error: found 'a\nb\tc\r\u{1B}d'"#)
        #expect(d.message == "found 'a\nb\tc\r\u{1B}d'")
    }

    @Test func sortedByPositionThenOrderFound() {
        var d = Diagnostics(file: "f.yaml")
        d.error("third", at: Location(line: 3, column: 1))
        d.error("first", at: Location(line: 1, column: 5))
        d.error("second-a", at: Location(line: 2, column: 2))
        d.error("second-b", at: Location(line: 2, column: 2))
        d.error("before first", at: Location(line: 1, column: 2))
        #expect(d.sorted.map(\.message) == ["before first", "first", "second-a", "second-b", "third"])
    }

    @Test func identicalDiagnosticsAppearOnce() {
        var d = Diagnostics(file: "f.yaml")
        d.error("same", at: .start)
        d.error("same", at: .start)
        d.error("same", at: Location(line: 2, column: 1))
        d.warning("same", at: .start)
        #expect(d.sorted.count == 3)
    }

    @Test func errorsAndWarningsAreKeptApart() {
        var d = Diagnostics(file: "f.yaml")
        d.warning("w", at: .start)
        #expect(!d.hasErrors)
        #expect(d.warnings.count == 1 && d.errors.isEmpty)
        d.error("e", at: .start)
        #expect(d.hasErrors)
        #expect(d.errors.map(\.message) == ["e"])
    }

    @Test func onlyWarningsDoNotThrow() throws {
        var d = Diagnostics(file: "f.yaml")
        d.warning("w", at: .start)
        try d.throwIfErrors()
        #expect(d.all.count == 1)
    }

    @Test func errorsAreThrownTogetherSortedWithoutWarnings() {
        var d = Diagnostics(file: "f.yaml")
        d.error("late", at: Location(line: 9, column: 1))
        d.warning("w", at: Location(line: 5, column: 1))
        d.error("early", at: Location(line: 2, column: 1))
        #expect(
            throws: DiagnosticError([
                Diagnostic(.error, file: "f.yaml", at: Location(line: 2, column: 1), "early"),
                Diagnostic(.error, file: "f.yaml", at: Location(line: 9, column: 1), "late"),
            ])
        ) {
            try d.throwIfErrors()
        }
    }

    @Test func appendingAnotherFilesDiagnostics() {
        var a = Diagnostics(file: "a.yaml")
        var b = Diagnostics(file: "b.yaml")
        b.error("from b", at: .start)
        a.append(contentsOf: b)
        #expect(a.all.map(\.file) == ["b.yaml"])
    }

    @Test func errorDescriptionIsOneLineEach() {
        let error = DiagnosticError([
            Diagnostic(.error, file: "f", at: .start, "one"),
            Diagnostic(.error, file: "f", at: Location(line: 2, column: 3), "two"),
        ])
        #expect(error.description == "f:1:1: error: one\nf:2:3: error: two")
    }

    @Test func locationsCompareLineThenColumn() {
        #expect(Location(line: 1, column: 9) < Location(line: 2, column: 1))
        #expect(Location(line: 2, column: 1) < Location(line: 2, column: 2))
        #expect(!(Location(line: 2, column: 2) < Location(line: 2, column: 2)))
        #expect(Location(line: 3, column: 4).description == "3:4")
    }
}
