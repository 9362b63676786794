import Foundation
import Testing

@testable import CapacityKit
@testable import CapacityTestSupport

/// A short, seeded fuzz smoke per parser in every test run: each target's seeds (chosen by
/// `Fuzz/seeds.sh`, as the libFuzzer targets are) mutated `mutationsPerTarget` times and read
/// through the command line's entry point. An input that traps kills the test process; the long
/// libFuzzer runs (`scripts/fuzz`) search much deeper but need a build of their own.
/// `CAPACITY_MUTATIONS=N` (and `CAPACITY_MUTATION_SEED=S`) run more, or other, inputs locally.
@Suite struct MutationSmokeTests {
  static let mutationsPerTarget =
    ProcessInfo.processInfo.environment["CAPACITY_MUTATIONS"].flatMap { Int($0) } ?? 200
  static let seed = ProcessInfo.processInfo.environment["CAPACITY_MUTATION_SEED"].flatMap { UInt64($0) } ?? 0

  static func seeds(of target: ParserTarget) throws -> [[UInt8]] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("capacity-mutation-seeds-\(target.rawValue)-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = Process()
    script.executableURL = URL(fileURLWithPath: "/bin/bash")
    script.arguments = [Corpus.path("Fuzz/seeds.sh"), target.rawValue, directory.path]
    try script.run()
    script.waitUntilExit()
    guard script.terminationStatus == 0 else { return [] }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    return try names.map { try [UInt8](Data(contentsOf: directory.appendingPathComponent($0))) }
  }

  @Test(arguments: ParserTarget.allCases) func mutatedSeedsAreReadOrRefused(_ target: ParserTarget) throws {
    let seeds = try Self.seeds(of: target)
    #expect(!seeds.isEmpty, "Fuzz/seeds.sh gave \(target.rawValue) no seed")
    // The seed of the mutations is the target's position, so every run tries the same inputs.
    let position = ParserTarget.allCases.firstIndex(of: target) ?? 0
    var mutator = ByteMutator(seed: (UInt64(position + 1) &* 0x1000_0001) ^ Self.seed)
    for index in 0..<Self.mutationsPerTarget {
      target.run(mutator.mutate(seeds[index % seeds.count]))
    }
  }
}
