import CapacityKit
import Foundation

/// libFuzzer's entry point: feeds one input to the parser named by `CAPACITY_FUZZ_TARGET`.
/// A thrown error is a refusal, which is fine; a crash, trap, leak or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
  FuzzTarget.current.run(bytes)
  return 0
}
