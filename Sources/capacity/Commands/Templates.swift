import ArgumentParser
import CapacityKit
import CapacityTemplates
import Foundation

extension Capacity {
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "templates", abstract: "Work with the report templates.", subcommands: [Export.self])

    struct Export: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the default templates to DIR for customisation (use with --templates DIR).")

      @Argument(
        help: ArgumentHelp("Directory to write into; created when missing.", valueName: "dir"),
        completion: .directory)
      var directory: String

      @Flag(help: "Overwrite templates that already exist in DIR.")
      var force = false

      func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in DefaultTemplates.names {
          guard let source = DefaultTemplates.text(named: name) else {
            throw ReportError.templateNotFound(name)
          }
          let target = URL(fileURLWithPath: directory).appendingPathComponent(name)
          if FileManager.default.fileExists(atPath: target.path) {
            guard force else { throw ValidationError("'\(target.path)' exists; pass --force to overwrite") }
            try FileManager.default.removeItem(at: target)
          }
          try source.write(to: target, atomically: true, encoding: .utf8)
          print(target.path)
        }
      }
    }
  }
}
