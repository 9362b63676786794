import Foundation
import Testing

@testable import CapacityKit
@testable import CapacityStore
@testable import CapacityTestSupport

@Suite struct ResourceStoreTests {
  @Test func storingTheSameFileTwiceIsANoOpAndLoadsBackExactly() throws {
    let store = try RunStore(path: ":memory:")
    let file = try ResourceFixtures.file("stepped/sar_u_r.xml")
    #expect(try store.insert(file, ingestedAt: Date(timeIntervalSince1970: 0)))
    #expect(try store.insert(file, ingestedAt: Date(timeIntervalSince1970: 1)) == false)
    let loaded = try #require(try store.resourceFile(sha256: file.source.sha256))
    #expect(loaded == file)
  }

  @Test func ingestingAFolderTwiceStoresItsResourceFilesOnce() throws {
    let store = try RunStore(path: ":memory:")
    let first = try RunIngestor(store: store).ingest(
      [ResourceFixtures.path("light")], now: Date(timeIntervalSince1970: 0))
    let second = try RunIngestor(store: store).ingest(
      [ResourceFixtures.path("light")], now: Date(timeIntervalSince1970: 1))
    #expect(first.resources.count == 9)
    #expect(first.resources == second.resources)
  }
}
