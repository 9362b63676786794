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

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The build links libFuzzer without its `main` (scripts/fuzz says why), so this one hands the
/// command line to libFuzzer's driver.
@main enum FuzzMain {
  static func main() {
    var count = CommandLine.argc
    var arguments = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) })
  }
}
