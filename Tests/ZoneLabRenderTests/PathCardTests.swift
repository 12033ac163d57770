import Foundation
import Testing
import ZoneLabIEC62443
import ZoneLabModel

@testable import ZoneLabRender

/// Path cards: one path to one target as a small left-to-right picture, each stage with what it
/// used and its ATT&CK for ICS techniques.
@Suite struct PathCardTests {
    static let yaml = """
        zonelab: 1
        name: Card plant
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0}
          - {id: office, name: 'Office & "IT"', level: 4, sl_target: 2, sl_achieved: 1}
          - {id: control, name: Control room, level: 2, sl_target: 3, sl_achieved: 2}
        assets:
          - id: ws
            name: 'WS "alpha" & co'
            zone: office
            type: workstation
            vulnerabilities: [{id: CVE-2024-0001, severity: critical, exploit: public}]
          - {id: plc, name: 'PLC <1> & "main"', zone: control, type: plc, critical: true}
        conduits:
          - {id: inet-office, name: Edge firewall, zones: [internet, office], sl_achieved: {RDF: 1, IAC: 1}}
          - {id: office-ctl, name: 'Firewall "B" & <C>', zones: [office, control], sl_achieved: {RDF: 2, IAC: 2}}
        credentials:
          - {id: eng-creds, name: Engineering accounts, stored_on: [ws], grants: [office-ctl]}
        """

    static let login = "login:eng-creds:cross:office-ctl:office>control"

    /// In from the internet, the workstation by its CVE, the credential harvested there, the
    /// control firewall passed with it, the PLC taken.
    static let path = [
        "cross:inet-office:internet>office/RDF", "cross:inet-office:internet>office/IAC", "exploit:ws", "pivot:ws",
        "harvest:eng-creds:ws", "\(login)/cred", "cross:office-ctl:office>control/RDF", "\(login)/via", login,
        "exploit:plc",
    ]

    static func maker() throws -> (Scenario, PathCardMaker) {
        let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "cards.yaml")
        let model = try PlantModel(loaded, settings: SimulationSettings(trials: 10, seed: 1, threads: 1))
        return (loaded.scenario, PathCardMaker(scenario: loaded.scenario, skeleton: model.skeleton))
    }

    static func evidence(_ attacker: String, compromised: Int, paths: [([String], Int)]) -> AttackEvidence {
        AttackEvidence(
            attacker: attacker, capability: 3, horizonHours: 720, trials: 1_000, seed: 1,
            targets: [
                .init(
                    id: "plc", probability: Double(compromised) / 1_000, compromised: compromised,
                    paths: paths.map { .init(edges: $0.0, count: $0.1) })
            ], criticality: [:])
    }

    @Test func stagesFollowThePathWithWhatEachStepUsed() throws {
        let (_, maker) = try Self.maker()
        let stages = maker.stages(of: Self.path)
        #expect(stages.map(\.kind) == [.start, .conduit, .asset, .credential, .start, .conduit, .asset])
        #expect(stages.map(\.id) == ["internet", "inet-office", "ws", "eng-creds", "office", "office-ctl", "plc"])
        #expect(stages[1].detail == "barriers RDF, IAC")
        #expect(stages[1].techniques == ["T0822", "T0859"])
        #expect(stages[2].used == ["CVE-2024-0001"])
        #expect(stages[2].techniques == ["T0866", "T0867"])
        #expect(stages[3].techniques == ["T0859"])
        #expect(stages[4].startsBranch)
        #expect(stages[5].used == ["credential Engineering accounts"])
        #expect(stages[5].techniques == ["T0886", "T0859"])
        #expect(stages[5].joins == 3)
        #expect(stages[6].techniques == ["T0843"])
        #expect(stages[6].used.isEmpty)
    }

    @Test func cardDOTIsLeftToRightWithStepsInOrderAndEscapedText() throws {
        let (scenario, maker) = try Self.maker()
        let card = try #require(
            maker.cards(
                target: "plc", evidence: [Self.evidence("SL3", compromised: 40, paths: [(Self.path, 30)])], limit: 3
            )
            .first)
        #expect(card.share == 0.75)
        let dot = PathCardPicture.graph(card, scenario: scenario).text
        #expect(dot.contains("rankdir=\"LR\""))
        // The stages' titles, techniques and what they used appear in the path's order.
        let ordered = [
            "internet", "Edge firewall", "T0822", "WS &quot;alpha&quot; &amp; co", "CVE-2024-0001", "T0866",
            "Engineering accounts", "Firewall &quot;B&quot; &amp; &lt;C&gt;", "credential Engineering",
            "T0859", "PLC &lt;1&gt; &amp; &quot;main&quot;", "T0843",
        ]
        var cursor = dot.startIndex
        for text in ordered {
            let found = try #require(
                dot.range(of: text, range: cursor..<dot.endIndex), "\(text) missing or out of order")
            cursor = found.upperBound
        }
        #expect(dot.contains("this path: 75.0% of its compromises"))
        #expect(dot.contains("per attacker: SL3 75.0%"))
        // HTML-like labels escape & < > " as entities; quoted strings escape " and write & as an entity.
        #expect(!dot.contains("<B>PLC <1>") && !dot.contains("& \"main\""))
        #expect(dot.contains("tooltip=\"PLC <1> &amp; \\\"main\\\"\""))
        #expect(dot.contains("\"stage_3\" -> \"stage_5\""), "the credential joins the login")
        #expect(!dot.contains("\"stage_3\" -> \"stage_4\""), "a login's second branch starts afresh")

        let output = try Graphviz.render(dot, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let raw = String(decoding: output.data, as: UTF8.self)
        #expect(!raw.contains("<1>") && !raw.contains("& co") && raw.contains("&lt;1&gt;"))
        let svg = try Support.parseSVG(output.data)
        #expect(svg.texts.contains("PLC <1> & \"main\""))
        #expect(svg.texts.contains("T0843 Program Download") && svg.texts.contains("CVE-2024-0001"))
    }

    @Test func cardsMergeAttackersAndRankByShare() throws {
        let (_, maker) = try Self.maker()
        let short = ["cross:inet-office:internet>office/RDF", "cross:inet-office:internet>office/IAC", "exploit:ws"]
        let cards = maker.cards(
            target: "plc",
            evidence: [
                Self.evidence("SL2", compromised: 10, paths: [(Self.path, 2), (short, 8)]),
                Self.evidence("SL3", compromised: 40, paths: [(Self.path, 30), (short, 10)]),
            ], limit: 5)
        // 32 of the 50 compromises took the long path, 18 the short one.
        #expect(cards.map(\.edges) == [Self.path, short])
        #expect(cards.map(\.share) == [0.64, 0.36])
        #expect(cards[0].takers.map(\.attacker) == ["SL3", "SL2"])
        #expect(cards[0].takers.map(\.share) == [0.75, 0.2])
        #expect(cards[1].takers.map(\.attacker) == ["SL2", "SL3"])
        #expect(
            maker.cards(target: "plc", evidence: [Self.evidence("SL3", compromised: 40, paths: [(short, 1)])], limit: 0)
                .isEmpty)
        #expect(
            maker.cards(target: "ws", evidence: [Self.evidence("SL3", compromised: 40, paths: [(short, 1)])], limit: 3)
                .isEmpty)
    }

    @Test func longPathsKeepTheirEndsAndStayNarrow() throws {
        let (scenario, _) = try Self.maker()
        let stages = (0..<13).map { PathStage(kind: .zone, id: "z\($0)", title: "Stage \($0)") }
        let card = PathCard(target: "plc", edges: [], takers: [], compromises: 0, stages: stages)
        let graph = PathCardPicture.graph(card, scenario: scenario)
        #expect(graph.allNodes.count == PathCardPicture.maxStages)
        #expect(graph.allNodes.map(\.id).prefix(3) == ["stage_0", "stage_1", "stage_2"])
        #expect(graph.allNodes.map(\.id).last == "stage_12")
        #expect(graph.text.contains("&#8230; 6 more steps &#8230;"))
        #expect(graph.allEdges.count == PathCardPicture.maxStages - 1)
    }
}
