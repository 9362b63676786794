import Foundation
import Testing

@testable import CapacityKit
@testable import CapacityTestSupport

/// Replays every input the fuzzers found crashing (`Fixtures/fuzz/TARGET/*`, see
/// `scripts/fuzz`) through the same parser: each must now be read or refused, not crash.
@Suite struct FuzzRegressionTests {
  static let directory = Corpus.path("Tests/Fixtures/fuzz")

  static var inputs: [(ParserTarget, String)] {
    ParserTarget.allCases.flatMap { target -> [(ParserTarget, String)] in
      let folder = directory + "/" + target.rawValue
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, folder + "/" + $0) }
    }
  }

  @Test func everyKeptCrashingInputIsNowReadOrRefused() throws {
    for (target, path) in Self.inputs {
      target.run(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    }
    // The 19 formats the hardening issue lists, content detection and the PostgreSQL URL.
    #expect(ParserTarget.allCases.count == 21)
  }

  @Test func everyTargetReadsItsOwnSeedsWithoutTrapping() throws {
    // A tiny structured input per target keeps each entry point exercised even with no findings.
    for target in ParserTarget.allCases {
      target.run(Array("timeStamp,elapsed,label\n1717000000000,1,a\n".utf8))
      target.run([])
      target.run([0xFF, 0xFE, 0x00, 0x0A, 0x22])
    }
  }
}
