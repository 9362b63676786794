import CapacityModel
import Foundation

/// ISO 8601 timestamps with any UTC offset (`Z`, `+02:00`, `-0500`), normalised to UTC.
/// `UTCTimestamp.parse` handles the UTC forms; this adds explicit offsets, so logs written in local
/// time across a DST change (`…T01:59:59+01:00`, `…T03:00:00+02:00`) stay one second apart.
package enum OffsetTimestamp {
  package static func parse(_ text: String) -> Date? {
    if let date = UTCTimestamp.parse(text) { return date }
    let bytes = Array(text.utf8)
    guard bytes.count >= 25 || bytes.count >= 24 else { return nil }
    // Find the sign of the offset after the time of day (index ≥ 19).
    guard let signIndex = bytes.indices.dropFirst(19).first(where: { bytes[$0] == 0x2B || bytes[$0] == 0x2D })
    else { return nil }
    let offsetText = String(decoding: bytes[(signIndex + 1)...], as: UTF8.self).replacingOccurrences(
      of: ":", with: "")
    guard offsetText.count == 4, let hours = Int(offsetText.prefix(2)),
      let minutes = Int(offsetText.suffix(2)),
      hours < 24, minutes < 60,
      let local = UTCTimestamp.parse(String(decoding: bytes[..<signIndex], as: UTF8.self))
    else { return nil }
    let seconds = Double(hours * 3600 + minutes * 60)
    return local.addingTimeInterval(bytes[signIndex] == 0x2B ? -seconds : seconds)
  }
}
