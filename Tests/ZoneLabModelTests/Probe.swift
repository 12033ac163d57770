import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

@Test func probe() throws {
    let path = "/tmp/zl/probe.txt"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    var out = ""
    for chunk in text.components(separatedBy: "\n=====\n") {
        do {
            let l = try ScenarioLoader.load(data: Data(chunk.utf8), file: "t.yaml")
            out += "OK \(l.warnings.map(\.description))\n"
        } catch {
            out += error.description + "\n"
        }
        out += "-----\n"
    }
    try out.write(toFile: "/tmp/zl/probe.out", atomically: true, encoding: .utf8)
    #expect(!out.isEmpty)
}
