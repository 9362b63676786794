import CapacityTemplates
import Foundation
import Testing

/// The templates compiled into the binary are byte for byte the editable files in templates/.
@Suite struct EmbeddedTemplatesTests {
  @Test(arguments: DefaultTemplates.names)
  func theEmbeddedCopyEqualsTheFile(name: String) throws {
    let file = try String(
      contentsOf: DefaultTemplates.sourceDirectory.appendingPathComponent(name), encoding: .utf8)
    #expect(
      DefaultTemplates.text(named: name) == file,
      "templates/\(name) and its compiled-in copy differ: the EmbedTemplates plugin did not run")
  }

  @Test func everyTemplateFileIsEmbedded() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: DefaultTemplates.sourceDirectory.path)
      .filter { $0.hasSuffix(".mustache") }
    #expect(Set(files) == Set(DefaultTemplates.names))
  }
}
