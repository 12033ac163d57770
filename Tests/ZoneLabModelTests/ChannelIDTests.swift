import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// Channel ids by content (SPEC 3.2 `cid`), an optional explicit `id`, and their errors.
@Suite struct ChannelIDTests {
    static func plant(_ channels: String) -> String {
        channelScenario + "    channels:\n" + channels
    }

    @Test func contentIDsAndExplicitIDs() throws {
        let loaded = try loadScenario(
            Self.plant(
                """
                      - {from: hist, to: erp, protocol: https}
                      - {from: erp, to: hist}
                      - {id: pi-sync, from: hist, to: erp, protocol: https}
                      - {from: hist, to: it, protocol: s7comm+}

                """))
        let channels = try #require(loaded.scenario.conduits["it-dmz"]?.channels)
        #expect(channels.map(\.cid) == ["hist>erp:https", "erp>hist", "pi-sync", "hist>it:s7comm+"])
        #expect(loaded.scenario.conduits["it-dmz"]?.channel(withCID: "erp>hist")?.from == "erp")
    }

    @Test func twoChannelsWithOneContentIDAskForIDs() {
        let yaml = Self.plant(
            """
                  - {from: hist, to: erp, protocol: https}
                  - {from: hist, to: erp, protocol: https}

            """)
        expectSingleError(
            in: yaml, 21, 9,
            "has the id 'hist>erp:https', like channel #1 (line 20, column 9): give the channels distinct 'id's")
    }

    @Test func aDuplicateExplicitIDIsAnError() {
        let yaml = Self.plant(
            """
                  - {id: sync, from: hist, to: erp}
                  - {id: sync, from: erp, to: hist}

            """)
        expectSingleError(in: yaml, 21, 14, "has the id 'sync', like channel #1")
    }

    @Test func aProtocolThatCannotStandInAnIDNeedsAnID() throws {
        let yaml = Self.plant(
            """
                  - {from: hist, to: erp, protocol: "OPC UA/TCP"}

            """)
        expectSingleError(in: yaml, 20, 41, "give the channel an 'id'")
        // With an id it loads.
        let fixed = Self.plant(
            """
                  - {id: opc, from: hist, to: erp, protocol: "OPC UA/TCP"}

            """)
        #expect(try loadScenario(fixed).scenario.conduits["it-dmz"]?.channels?.first?.cid == "opc")
    }

    @Test func anExplicitIDFollowsTheIDCharset() {
        let yaml = Self.plant(
            """
                  - {id: "a b", from: hist, to: erp}

            """)
        let all = errors(in: yaml)
        #expect(all.count == 1)
        #expect(all.first?.location.line == 20)
    }
}
