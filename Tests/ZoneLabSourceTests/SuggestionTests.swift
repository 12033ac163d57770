import Testing
import ZoneLabSource

/// "Did you mean" for misspelt keys and ids.
@Suite struct SuggestionTests {
    static let keys = ["id", "name", "level", "sl_target", "sl_achieved", "compensating", "upgrade_cost"]

    @Test(arguments: [
        ("nmae", "name"), ("lvel", "level"), ("sl_targt", "sl_target"), ("SL_TARGET", "sl_target"),
        ("sl-achieved", "sl_achieved"), ("upgradecost", "upgrade_cost"), ("ids", "id"), ("compensate", "compensating"),
        ("target", "sl_target"), ("sl_taregt", "sl_target"), ("leevl", "level"),
    ])
    func closeWordsAreSuggested(_ word: String, _ suggestion: String) {
        #expect(Suggestion.closest(to: word, among: Self.keys) == suggestion)
        #expect(Suggestion.hint(for: word, among: Self.keys) == "; did you mean '\(suggestion)'?")
    }

    @Test(arguments: ["colour", "x", "owner", "zone", "zzzzzzzzzz", ""])
    func farWordsAreNot(_ word: String) {
        #expect(Suggestion.closest(to: word, among: Self.keys) == nil)
        #expect(Suggestion.hint(for: word, among: Self.keys) == "")
    }

    @Test func theClosestCandidateWins() {
        #expect(Suggestion.closest(to: "plc2", among: ["plc1", "plc22", "hmi"]) == "plc1")
        #expect(Suggestion.closest(to: "plc12", among: ["plc1", "plc123"]) == "plc1")
    }

    @Test func tiesGoToTheFirstCandidate() {
        #expect(Suggestion.closest(to: "ab", among: ["ax", "ay"]) == "ax")
    }

    @Test func noCandidatesNoSuggestion() {
        #expect(Suggestion.closest(to: "a", among: [String]()) == nil)
    }

    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(Suggestion.closest(to: "RFD", among: ["IAC", "RDF"]) == "RDF")
        #expect(Suggestion.closest(to: "nmae", among: ["name"]) == "name")
        #expect(Suggestion.closest(to: "mnae", among: ["name"]) == nil)
    }

    @Test func shortCandidatesAllowOneEdit() {
        #expect(Suggestion.closest(to: "it", among: ["ot"]) == "ot")
        #expect(Suggestion.closest(to: "ix", among: ["ot"]) == nil)
    }
}
