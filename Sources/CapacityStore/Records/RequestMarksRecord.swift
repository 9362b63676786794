import CapacityModel
import Foundation
import GRDB

/// A row of `request_marks`: a raw log's per-millisecond success bitmap and failure end times,
/// as little-endian blobs (each page: its index, then 1 024 words; each failure: Unix ms).
package struct RequestMarksRecord: RunChildRecord {
  package static let databaseTableName = "request_marks"
  package var runId: String
  package var position: Int
  package var pages: Data
  package var failures: Data

  package init(runId: String, marks: RequestMarks) {
    self.runId = runId
    position = 0
    let pageKeys = marks.pages.keys.sorted()
    let pageStride = RequestMarks.pageWords + 1
    pages = Self.littleEndianBlob(words: pageKeys.count * pageStride) { store in
      for (page, index) in pageKeys.enumerated() {
        store(page * pageStride, UInt64(bitPattern: index))
        for (offset, word) in marks.pages[index]!.prefix(RequestMarks.pageWords).enumerated() {
          store(page * pageStride + 1 + offset, word)
        }
      }
    }
    failures = Self.littleEndianBlob(words: marks.failureEndsMs.count) { store in
      for (index, ms) in marks.failureEndsMs.enumerated() { store(index, UInt64(bitPattern: ms)) }
    }
  }

  /// A blob of `words` little-endian words, filled in place by `fill` through its `store(index,
  /// word)`: one allocation of the final size (a word at a time appended to `Data` was 500
  /// instructions a request of a raw log, and a word array copied into it held the pages twice).
  private static func littleEndianBlob(
    words: Int, _ fill: ((_ index: Int, _ word: UInt64) -> Void) -> Void
  ) -> Data {
    var data = Data(count: words * 8)
    data.withUnsafeMutableBytes { raw in
      fill { index, word in raw.storeBytes(of: word.littleEndian, toByteOffset: index * 8, as: UInt64.self) }
    }
    return data
  }

  /// The marks, or `nil` when a blob's length is not what its layout needs.
  package var marks: RequestMarks? {
    let pageStride = (RequestMarks.pageWords + 1) * 8
    guard pages.count % pageStride == 0, failures.count % 8 == 0 else { return nil }
    let words = Self.words(pages)
    var result = RequestMarks()
    for start in stride(from: 0, to: words.count, by: RequestMarks.pageWords + 1) {
      result.pages[Int64(bitPattern: words[start])] = Array(
        words[(start + 1)...(start + RequestMarks.pageWords)])
    }
    result.failureEndsMs = Self.words(failures).map { Int64(bitPattern: $0) }
    return result
  }

  private static func words(_ data: Data) -> [UInt64] {
    data.withUnsafeBytes { raw in
      stride(from: 0, to: raw.count, by: 8).map {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self))
      }
    }
  }
}
