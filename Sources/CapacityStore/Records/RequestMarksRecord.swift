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
    var pageWords = [UInt64](repeating: 0, count: pageKeys.count * pageStride)
    for (page, index) in pageKeys.enumerated() {
      pageWords[page * pageStride] = UInt64(bitPattern: index)
      for (offset, word) in marks.pages[index]!.prefix(RequestMarks.pageWords).enumerated() {
        pageWords[page * pageStride + 1 + offset] = word
      }
    }
    pages = Self.littleEndianBytes(pageWords)
    failures = Self.littleEndianBytes(marks.failureEndsMs.map { UInt64(bitPattern: $0) })
  }

  /// The words as one little-endian blob, written in one copy (a word at a time into `Data` was
  /// 500 instructions a request of a raw log).
  private static func littleEndianBytes(_ words: [UInt64]) -> Data {
    var data = Data(count: words.count * 8)
    data.withUnsafeMutableBytes { raw in
      for (index, word) in words.enumerated() {
        raw.storeBytes(of: word.littleEndian, toByteOffset: index * 8, as: UInt64.self)
      }
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
