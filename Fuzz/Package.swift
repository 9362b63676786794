// swift-tools-version:6.0
// libFuzzer targets for every parser of `capacity`. Build and run with `scripts/fuzz TARGET SECONDS`
// from the repository root (it builds with libFuzzer coverage and AddressSanitizer into .build-fuzz;
// Fuzz/README.md says how and why).
import PackageDescription

let package = Package(
  name: "capacity-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "capacity", path: "..")],
  targets: [
    .executableTarget(
      name: "capacity-fuzz",
      dependencies: [.product(name: "CapacityKit", package: "capacity")]
    )
  ],
  swiftLanguageModes: [.v6]
)
