import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// Gatling simulation.log: the text format read, the binary one refused with a clear message.
@Suite struct GatlingLogParserTests {
  @Test func gatlingTextLog() throws {
    let text =
      "RUN\tcom.acme.ShopSim\tshopsim\t1717000000000\t \t3.11.5\n"
      + "USER\tshoppers\tSTART\t1717000000100\n"
      + "REQUEST\t\thome\t1717000000150\t1717000000230\tOK\t \n"
      + "REQUEST\tcheckout\tpay\t1717000000300\t1717000001300\tKO\tstatus.find.is(200), but actually found 503\n"
      + "USER\tshoppers\tEND\t1717000001400\n"
    let run = try RawLogs.run(text: text, path: "simulation.log")
    #expect(run.tool == .gatling)
    #expect(run.endpoints.map(\.name) == ["checkout / pay", "home"])
    #expect(run.endpoints.map(\.maxMs) == [1000, 80])
    #expect(run.timeline.first?.users == 1)
    #expect(run.errors.map { ErrorClassifier().classify($0.message) } == [.http5xx])
  }

  @Test func gatlingBinaryLogIsRefusedWithAClearMessage() throws {
    var bytes: [UInt8] = [0, 0, 0, 0, 6]
    bytes += Array("3.13.1".utf8) + [0, 0, 0, 0, 9] + Array("some.Class".utf8)
    let kind = try #require(InputKind.detect(head: bytes))
    #expect(kind == .gatlingBinary)
    #expect {
      try RawLogRunBuilder().build([InputFile(path: "simulation.log", kind: kind, bytes: bytes)])
    } throws: { error in
      (error as? IngestError)?.errorDescription?.contains("Gatling 3.12.0 or earlier") == true
    }
  }
}
