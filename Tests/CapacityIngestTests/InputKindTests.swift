import Testing

@testable import CapacityModel

@Suite struct InputKindTests {
  @Test(arguments: [
    ("Type,Name,Request Count,Failure Count,Median Response Time", InputKind.locustStats),
    ("Timestamp,User Count,Type,Name,Requests/s", .locustHistory),
    ("Method,Name,Error,Occurrences,First Seen,Last Seen\r\n", .locustFailures),
    ("Method,Name,Error,Occurrences\r\n", .locustFailures),
    ("\u{FEFF}Count,Message,Traceback,Nodes\r\n", .locustExceptions),
  ])
  func detectsLocustFilesByHeader(_ head: String, _ kind: InputKind) {
    #expect(InputKind.detect(head: Array(head.utf8)) == kind)
  }

  @Test(arguments: ["", "<!DOCTYPE html>", "timeStamp;label", "Name,Type,Request Count"])
  func otherContentIsNotRecognised(_ head: String) {
    #expect(InputKind.detect(head: Array(head.utf8)) == nil)
  }
}
