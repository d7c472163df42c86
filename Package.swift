// swift-tools-version: 6.2
import PackageDescription

/// Every target of ours is built in Swift 6 mode with warnings as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let configuration: Target.Dependency = .product(name: "Configuration", package: "swift-configuration")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let systemPackage: Target.Dependency = .product(name: "SystemPackage", package: "swift-system")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")
let postgresNIO: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio")

let package = Package(
    name: "HomePrice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "homeprice", targets: ["homeprice"]),
        .executable(name: "homeprice-normalizer", targets: ["homeprice-normalizer"]),
        .executable(name: "homeprice-source", targets: ["homeprice-source"]),
        .executable(name: "homeprice-crawler", targets: ["homeprice-crawler"]),
        .executable(name: "homeprice-preprocessor", targets: ["homeprice-preprocessor"]),
        .executable(name: "homeprice-trainer", targets: ["homeprice-trainer"]),
        .executable(name: "homeprice-server", targets: ["homeprice-server"]),
        .executable(name: "homeprice-monitor", targets: ["homeprice-monitor"]),
        .executable(name: "example-source", targets: ["example-source"]),
        .library(name: "Schema", targets: ["Schema"]),
        .library(name: "Kafka", targets: ["Kafka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // Only the server and the monitor (HTTP) link Hummingbird: it is the costliest dependency to build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Only the normalizer executable, the PostgreSQL warehouse and their tests link postgres-nio.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: Shared modules
        .systemLibrary(
            name: "CRdKafka",
            path: "Shared/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "Kafka",
            dependencies: ["CRdKafka", logging, metrics, serviceLifecycle],
            path: "Shared/Kafka",
            swiftSettings: strict
        ),
        .target(name: "Schema", path: "Shared/Schema", swiftSettings: strict),
        .target(name: "ML", path: "Shared/ML", swiftSettings: strict),
        .target(
            name: "ServiceSupport",
            dependencies: [
                "Kafka", "Schema", configuration, logging, metrics, prometheus, serviceLifecycle, systemPackage, yams,
            ],
            path: "Shared/ServiceSupport",
            swiftSettings: strict
        ),
        .target(
            name: "Pipeline",
            dependencies: ["Kafka", "Schema", "ServiceSupport", configuration, crypto, logging, metrics, serviceLifecycle],
            path: "Shared/Pipeline",
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Shared/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Markup", dependencies: ["CLibXML2"], path: "Shared/Markup", swiftSettings: strict),
        .target(name: "Features", dependencies: ["Schema", "ML", configuration], path: "Shared/Features", swiftSettings: strict),
        .target(
            name: "ModelRegistry",
            dependencies: ["Features", "ML", "Schema", crypto],
            path: "Shared/ModelRegistry",
            swiftSettings: strict
        ),

        // MARK: Services
        .target(
            name: "Scenario",
            dependencies: ["Markup", "Schema", "ServiceSupport"],
            path: "Services/Scenario/Scenario",
            swiftSettings: strict
        ),
        .target(
            name: "Sources",
            dependencies: ["Kafka", "Markup", "Pipeline", "Schema", "ServiceSupport", configuration, logging, serviceLifecycle],
            path: "Services/Sources/SourceProducers",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-source",
            dependencies: ["Sources", "ServiceSupport", argumentParser, serviceLifecycle],
            path: "Services/Sources/Main",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "example-source",
            dependencies: ["Kafka", "Schema", logging],
            path: "Services/Sources/Examples/ExampleSource",
            swiftSettings: strict
        ),
        .target(
            name: "Crawler",
            dependencies: ["Kafka", "Markup", "Pipeline", "Schema", "ServiceSupport", configuration, logging, serviceLifecycle],
            path: "Services/Crawler/CrawlerCore",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-crawler",
            dependencies: ["Crawler", "ServiceSupport", argumentParser, serviceLifecycle],
            path: "Services/Crawler/Main",
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Services/Normalizer/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "NormalizerCore",
            dependencies: [
                "CSQLite", "Kafka", "Markup", "Pipeline", "Schema", "ServiceSupport", configuration, logging, metrics, serviceLifecycle,
            ],
            path: "Services/Normalizer/NormalizerCore",
            swiftSettings: strict
        ),
        .target(
            name: "NormalizerEvaluation",
            dependencies: ["NormalizerCore", "Scenario", "Schema", "Sources"],
            path: "Services/Normalizer/Evaluation",
            swiftSettings: strict
        ),
        // The PostgreSQL warehouse and the normalizer process that selects its warehouse: the only
        // targets that link postgres-nio (the server reads raw records with NormalizerCore alone).
        .target(
            name: "PostgresWarehouse",
            dependencies: [
                "NormalizerCore", "Pipeline", "Schema", "ServiceSupport", configuration, logging, nioCore, nioPosix, postgresNIO,
                serviceLifecycle,
            ],
            path: "Services/Normalizer/PostgresWarehouse",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-normalizer",
            dependencies: ["PostgresWarehouse", "Pipeline"],
            path: "Services/Normalizer/Main",
            swiftSettings: strict
        ),
        .target(
            name: "PreprocessorCore",
            dependencies: ["Features", "Kafka", "Pipeline", "Schema", "ServiceSupport", configuration, logging, metrics, serviceLifecycle],
            path: "Services/Preprocessor/PreprocessorCore",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-preprocessor",
            dependencies: ["PreprocessorCore", "Pipeline"],
            path: "Services/Preprocessor/Main",
            swiftSettings: strict
        ),
        .target(
            name: "TrainerCore",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "Pipeline", "Schema", "ServiceSupport", configuration, logging, metrics,
                serviceLifecycle,
            ],
            path: "Services/Trainer/TrainerCore",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-trainer",
            dependencies: ["TrainerCore", "Pipeline"],
            path: "Services/Trainer/Main",
            swiftSettings: strict
        ),
        .target(
            name: "ServerCore",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "NormalizerCore", "Pipeline", "Schema", "ServiceSupport", configuration, crypto,
                hummingbird, logging, metrics, nioCore, serviceLifecycle, yams,
            ],
            path: "Services/Server/ServerCore",
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-server",
            dependencies: ["ServerCore", "Pipeline", nioCore, nioPosix],
            path: "Services/Server/Main",
            swiftSettings: strict
        ),
        .target(
            name: "MonitorCore",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "Pipeline", "Schema", "ServiceSupport", configuration, logging, metrics,
            ],
            path: "Services/Monitor/MonitorCore",
            swiftSettings: strict
        ),
        // The monitor's process wiring and web side: the only targets that link Hummingbird.
        .target(
            name: "MonitorServer",
            dependencies: [
                "Kafka", "ModelRegistry", "MonitorCore", "Pipeline", "Schema", "ServiceSupport", configuration, hummingbird, logging,
                metrics, prometheus, serviceLifecycle,
            ],
            path: "Services/Monitor/MonitorServer",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice-monitor",
            dependencies: ["MonitorServer", "Pipeline"],
            path: "Services/Monitor/Main",
            swiftSettings: strict
        ),
        .target(
            name: "HomePriceCLI",
            dependencies: [
                "Crawler", "Features", "Kafka", "ML", "ModelRegistry", "MonitorCore", "NormalizerCore", "NormalizerEvaluation",
                "Pipeline", "PostgresWarehouse", "PreprocessorCore", "Scenario", "Schema", "ServiceSupport", "Sources", "TrainerCore",
                argumentParser,
                configuration, crypto, logging, nioCore, nioHTTP1, nioPosix, serviceLifecycle,
            ],
            path: "Services/CLI/HomePriceCLI",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "homeprice",
            dependencies: ["HomePriceCLI", "ServiceSupport"],
            path: "Services/CLI/Main",
            swiftSettings: strict
        ),

        // MARK: Tests
        .target(
            name: "TestSupport",
            dependencies: ["Features", "Kafka", "ML", "Pipeline", "Schema", "ServiceSupport", configuration, serviceLifecycle],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "SchemaTests", dependencies: ["ML", "Schema"], swiftSettings: strict),
        .testTarget(
            name: "ServiceSupportTests",
            dependencies: [
                "Kafka", "ServiceSupport", "TestSupport", configuration, logging, prometheus,
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Schema"], swiftSettings: strict),
        .testTarget(
            name: "SourcesTests",
            dependencies: ["Kafka", "Pipeline", "Scenario", "Schema", "ServiceSupport", "Sources", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CrawlerTests",
            dependencies: ["Crawler", "Kafka", "Pipeline", "Scenario", "Schema", "ServiceSupport", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "MLTests", dependencies: ["ML"], swiftSettings: strict),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "ML", "Schema", configuration], swiftSettings: strict),
        .testTarget(name: "ModelRegistryTests", dependencies: ["Features", "ML", "ModelRegistry", "Schema"], swiftSettings: strict),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Kafka", "Pipeline", "Schema", "ServiceSupport", "TestSupport", configuration, logging, serviceLifecycle],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreprocessorTests",
            dependencies: [
                "Features", "Kafka", "PreprocessorCore", "Pipeline", "Schema", "ServiceSupport", "TestSupport", configuration, logging,
                serviceLifecycle, .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TrainerTests",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "Pipeline", "Schema", "ServiceSupport", "TestSupport", "TrainerCore",
                configuration, serviceLifecycle,
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NormalizerCoreTests",
            dependencies: [
                "Features", "NormalizerCore", "NormalizerEvaluation", "Kafka", "Pipeline", "PostgresWarehouse", "Scenario", "Schema",
                "ServiceSupport", "TestSupport", configuration, logging, serviceLifecycle,
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KafkaTests",
            dependencies: ["Kafka", "ServiceSupport", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ServerCoreTests",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "NormalizerCore", "Pipeline", "Schema", "ServerCore", "ServiceSupport",
                "TestSupport", configuration, hummingbird, logging, nioCore, serviceLifecycle,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MonitorCoreTests",
            dependencies: [
                "Features", "Kafka", "ML", "ModelRegistry", "MonitorCore", "MonitorServer", "Pipeline", "Schema", "ServiceSupport",
                "TestSupport", configuration, hummingbird, serviceLifecycle, .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "HomePriceCLI", "Kafka", "ML", "ModelRegistry", "MonitorCore", "NormalizerCore", "NormalizerEvaluation", "Pipeline",
                "Scenario", "Schema", "ServiceSupport", "TestSupport", configuration,
            ],
            swiftSettings: strict
        ),
    ]
)
