import CZlib

/// Inflates gzip files (every format is read the same whether gzipped or not): the members of a
/// multi-member file are concatenated, as `gunzip` does.
package enum Gzip {
  /// Largest inflated size read in memory; beyond it the user is asked to gunzip the file first.
  package static let limit = 8 << 30

  package static func isGzip(_ head: some Collection<UInt8>) -> Bool {
    head.count >= 2 && head.first == 0x1F && head.dropFirst().first == 0x8B
  }

  package static func inflate(_ input: UnsafeRawBufferPointer, path: String) throws(IngestError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, max(1 << 16, input.count * 4)))
    var stream = z_stream()
    // 15 + 32: a zlib or gzip header, detected.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .unreadable(path: path, reason: "zlib could not start inflating")
    }
    defer { inflateEnd(&stream) }
    guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
    stream.next_in = UnsafeMutablePointer(mutating: base)
    stream.avail_in = UInt32(clamping: input.count)
    var consumed = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 18)
    while true {
      let status = buffer.withUnsafeMutableBufferPointer { chunk -> Int32 in
        stream.next_out = chunk.baseAddress
        stream.avail_out = UInt32(chunk.count)
        return CZlib.inflate(&stream, Z_NO_FLUSH)
      }
      output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
      guard output.count <= limit else {
        throw .unsupported(path: path, reason: "it inflates to more than 8 GiB; gunzip it first")
      }
      if status == Z_STREAM_END {
        consumed += Int(stream.total_in)
        // Another member follows (`cat a.gz b.gz`), or trailing zero padding.
        guard consumed < input.count, input[consumed] == 0x1F else { return output }
        inflateReset(&stream)
        stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
        stream.avail_in = UInt32(clamping: input.count - consumed)
        continue
      }
      guard status == Z_OK || (status == Z_BUF_ERROR && stream.avail_in > 0) else {
        let reason = status == Z_BUF_ERROR ? "the gzip stream is cut off" : "the gzip stream is corrupt"
        throw .unreadable(path: path, reason: "\(reason) after \(output.count) inflated bytes")
      }
      if stream.avail_in == 0, stream.avail_out > 0 {
        throw .unreadable(
          path: path, reason: "the gzip stream is cut off after \(output.count) inflated bytes")
      }
    }
  }
}
