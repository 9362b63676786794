import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// The 64-byte stop masks against a byte-by-byte search: seeded texts of every length around the
/// block size, made of the stop bytes and a filler, asked from forward jumps, jumps past whole
/// blocks, a jump back, and at the end of the data.
@Suite struct CSVStopScannerTests {
  private static let alphabet = Array("a,;\n\r\"x".utf8)

  private func naiveStop(_ bytes: [UInt8], from index: Int, delimiter: UInt8) -> Int {
    var index = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { return index }
      index += 1
    }
    return bytes.count
  }

  @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
  func everyStopIsFoundWhereAByteSearchFindsIt(delimiter: UInt8) {
    var generator = SeededGenerator(seed: 64)
    for length in [0, 1, 15, 63, 64, 65, 127, 128, 129, 200, 1000] {
      for density in [2, 8, 80] {
        let bytes = (0..<length).map { _ in
          UInt64.random(in: 0..<UInt64(density), using: &generator) == 0
            ? Self.alphabet[Int.random(in: 1..<Self.alphabet.count, using: &generator)] : UInt8(ascii: "a")
        }
        bytes.withUnsafeBufferPointer { buffer in
          let base = buffer.baseAddress ?? UnsafePointer(ByteScanning.emptyPointer)
          var scanner = CSVStopScanner(start: base, end: base + buffer.count, delimiter: delimiter)
          var index = 0
          var steps = 0
          while index <= bytes.count {
            let found = scanner.nextStop(from: base + index) - base
            #expect(
              found == naiveStop(bytes, from: index, delimiter: delimiter), "length \(length) at \(index)")
            steps += 1
            // Mostly on from the stop, sometimes a long jump, once a jump back.
            if steps == 5, index > 3 {
              index -= 3
            } else if steps % 7 == 0 {
              index += 70
            } else {
              index = found + 1
            }
          }
        }
      }
    }
  }

  @Test func delimitersThatAreStopsThemselvesAreRefused() {
    #expect(CSVStopScanner.supports(delimiter: UInt8(ascii: ",")))
    #expect(CSVStopScanner.supports(delimiter: UInt8(ascii: "\t")))
    #expect(!CSVStopScanner.supports(delimiter: UInt8(ascii: "\"")))
    #expect(!CSVStopScanner.supports(delimiter: 0x0A))
    #expect(!CSVStopScanner.supports(delimiter: 0x0D))
  }
}
