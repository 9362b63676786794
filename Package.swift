// swift-tools-version:6.0
import PackageDescription

/// What every library test target may use: the layers and the shared test helpers.
let testDependencies: [Target.Dependency] = [
  "CapacityModel", "CapacityStatistics", "CapacityIngest", "CapacityStore", "CapacityStorePostgres",
  "CapacityAnalysis", "CapacityPlanning", "CapacityReport", "CapacityKit", "CapacityTestSupport",
]

let package = Package(
  name: "capacity",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "capacity", targets: ["capacity"]),
    .library(name: "CapacityKit", targets: ["CapacityKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    // The Prometheus source's HTTP client (CapacityPrometheus).
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    // The shared PostgreSQL store (CapacityStorePostgres).
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
  ],
  targets: [
    // libxml2 from the system (apt: libxml2-dev); the streaming XML readers use it.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // zlib from the system (apt: zlib1g-dev); gzipped inputs are inflated with it.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // The CSV scanners' 16-byte field-end search (SSE2 on x86-64), header-only.
    .target(name: "CByteScan"),
    // One target per layer, so the compiler refuses an arrow that docs/architecture.md does not
    // allow. Model and Statistics sit below everything; CapacityKit wires the layers together.
    .target(name: "CapacityModel"),
    .target(name: "CapacityStatistics", dependencies: ["CapacityModel"]),
    .target(
      name: "CapacityIngest",
      dependencies: [
        "CapacityModel", "CapacityStatistics", "CByteScan", "CLibXML2", "CZlib",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "CapacityStore",
      dependencies: [
        "CapacityModel", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // The shared run history on a PostgreSQL server, behind CapacityStore's `RunHistory`; its own
    // target so the network client (postgres-nio, SwiftNIO) stays out of the SQLite store.
    .target(
      name: "CapacityStorePostgres",
      dependencies: [
        "CapacityModel", "CapacityStore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(name: "CapacityAnalysis", dependencies: ["CapacityModel", "CapacityStatistics"]),
    .target(
      name: "CapacityPlanning",
      dependencies: ["CapacityModel", "CapacityAnalysis", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "CapacityReport",
      dependencies: [
        "CapacityModel", "CapacityAnalysis", "CapacityPlanning", "CapacityTemplates", "CLibXML2",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // Fetches resource samples from a Prometheus server (query_range over HTTP) and hands the
    // answers to Ingest's Prometheus parser; the store keeps them like imported files.
    .target(
      name: "CapacityPrometheus",
      dependencies: [
        "CapacityModel", "CapacityIngest", .product(name: "Yams", package: "Yams"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .target(
      name: "CapacityKit",
      dependencies: [
        "CapacityModel", "CapacityStatistics", "CapacityIngest", "CapacityStore",
        "CapacityStorePostgres", "CapacityAnalysis", "CapacityPlanning", "CapacityReport",
        "CapacityTemplates", "CapacityPrometheus",
      ]
    ),
    // The default report templates live at the top of the repository so users find and copy them;
    // the EmbedTemplates build plugin compiles them into the target as string literals on every
    // build, so the binary carries them and needs no resource folder beside it.
    .target(
      name: "CapacityTemplates",
      path: "templates",
      exclude: [
        "README.md", "report.html.mustache", "report.md.mustache", "compare.html.mustache",
        "compare.md.mustache",
      ],
      sources: ["DefaultTemplates.swift"],
      plugins: ["EmbedTemplates"]
    ),
    .executableTarget(name: "embed-templates", path: "Sources/embed-templates"),
    .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
    .executableTarget(
      name: "capacity",
      dependencies: [
        "CapacityKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Helpers every test target shares (corpus paths, fixture files); the fixtures themselves are
    // in Tests/Fixtures, found from the sources' path, so no target needs them as resources.
    .target(
      name: "CapacityTestSupport",
      dependencies: ["CapacityKit"],
      path: "Tests/CapacityTestSupport"
    ),
    .testTarget(name: "CapacityModelTests", dependencies: testDependencies),
    .testTarget(name: "CapacityStatisticsTests", dependencies: testDependencies),
    .testTarget(name: "CapacityIngestTests", dependencies: testDependencies),
    .testTarget(name: "CapacityStoreTests", dependencies: testDependencies),
    .testTarget(name: "CapacityAnalysisTests", dependencies: testDependencies),
    .testTarget(name: "CapacityPlanningTests", dependencies: testDependencies),
    .testTarget(name: "CapacityReportTests", dependencies: testDependencies),
    .testTarget(name: "CapacityKitTests", dependencies: testDependencies),
    .testTarget(
      name: "CapacityPrometheusTests", dependencies: testDependencies + ["CapacityPrometheus"]),
    .testTarget(
      name: "capacityTests",
      dependencies: [
        "capacity",
        "CapacityKit",
        "CapacityTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["Schemas", "Snapshots", "Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
