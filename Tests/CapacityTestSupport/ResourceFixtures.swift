import CapacityIngest
import CapacityModel
import Foundation

/// Real resource files copied unchanged from /work/shared/corpus/<run>/ into Fixtures/resources/<run>/.
package enum ResourceFixtures {
  package static func path(_ relative: String) -> String {
    Corpus.path("Tests/Fixtures/resources/\(relative)")
  }

  /// Every resource file of a fixture folder, recognised by content and parsed.
  package static func files(_ folder: String) throws -> [ResourceFile] {
    try InputCollector().collect([path(folder)]).files.map { try ResourceFileReader().read($0) }
  }

  package static func file(_ relative: String) throws -> ResourceFile {
    let collection = try InputCollector().collect([path(relative)])
    guard let file = collection.files.first else { throw CocoaError(.fileReadUnknown) }
    return try ResourceFileReader().read(file)
  }
}
