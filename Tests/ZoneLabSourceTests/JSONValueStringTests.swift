import Testing
import ZoneLabSource

/// Strings are written escaped where JSON (and JavaScript) need it, and copied whole otherwise.
@Suite struct JSONValueStringTests {
    @Test(arguments: [
        ("plain id:a>b/RDF", #""plain id:a>b/RDF""#),
        ("take over — PLC 1 · Zürich", #""take over — PLC 1 · Zürich""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("bell\u{7}", #""bell\u0007""#),
        ("sep\u{2028}par\u{2029}", #""sep\u2028par\u2029""#),
        ("arrow → — ‘x’", #""arrow → — ‘x’""#),
    ])
    func writesStrings(text: String, json: String) {
        #expect(JSONValue.string(text).serialized() == json)
    }
}
