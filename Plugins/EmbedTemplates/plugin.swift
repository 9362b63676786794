import Foundation
import PackagePlugin

/// Compiles templates/*.mustache into the CapacityTemplates target as Swift string literals on
/// every build (inputs tracked, so an edited template rebuilds), so the binary needs no resource
/// folder and can never carry a stale copy.
@main
struct EmbedTemplates: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let directory = context.package.directoryURL.appendingPathComponent("templates")
    let templates = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".mustache") }.sorted().map { directory.appendingPathComponent($0) }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTemplates.swift")
    return [
      .buildCommand(
        displayName: "Embedding the report templates",
        executable: try context.tool(named: "embed-templates").url,
        arguments: [output.path] + templates.map(\.path), inputFiles: templates, outputFiles: [output])
    ]
  }
}
