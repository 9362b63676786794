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
    var pageBytes = Data()
    pageBytes.reserveCapacity(marks.pages.count * (RequestMarks.pageWords + 1) * 8)
    for index in marks.pages.keys.sorted() {
      Self.append(UInt64(bitPattern: index), to: &pageBytes)
      for word in marks.pages[index]! { Self.append(word, to: &pageBytes) }
    }
    pages = pageBytes
    var failureBytes = Data()
    failureBytes.reserveCapacity(marks.failureEndsMs.count * 8)
    for ms in marks.failureEndsMs { Self.append(UInt64(bitPattern: ms), to: &failureBytes) }
    failures = failureBytes
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

  private static func append(_ value: UInt64, to data: inout Data) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  private static func words(_ data: Data) -> [UInt64] {
    data.withUnsafeBytes { raw in
      stride(from: 0, to: raw.count, by: 8).map {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt64.self))
      }
    }
  }
}
