import CapacityIngest
import CapacityModel
import CapacityStore
import Foundation

/// Parses resource files and stores their series, keyed by file hash so re-ingesting is a no-op.
/// Series come back from the store, like runs, so fresh files and a re-render agree exactly.
public struct ResourceIngestor: Sendable {
  public let store: any RunHistory

  public init(store: any RunHistory) {
    self.store = store
  }

  public func ingest(_ files: [InputFile], now: Date) throws -> [ResourceFile] {
    var loaded: [ResourceFile] = []
    var seen = Set<String>()
    for file in files where seen.insert(file.sha256).inserted {
      if try store.resourceFile(sha256: file.sha256) == nil {
        try store.insert(try ResourceFileReader().read(file), ingestedAt: now)
      }
      if var stored = try store.resourceFile(sha256: file.sha256) {
        // The path reflects this invocation (the same bytes may have been stored from elsewhere).
        stored.source.path = file.path
        for index in stored.series.indices { stored.series[index].source.path = file.path }
        loaded.append(stored)
      }
    }
    return loaded
  }
}
