/// The workflow commands `capacity check --format github` prints: an `::error` per failed
/// objective, a `::warning` per run that is not VALID (its figures may measure the environment)
/// and per input warning (`file`/`line` properties, so GitHub pins it to the line), at most
/// `diagnosticsPerRun` of those per run.
public struct GitHubAnnotations: Sendable {
  public var diagnosticsPerRun = 10

  public init() {}

  public func commands(_ outcome: CheckOutcome) -> [WorkflowCommand] {
    var commands = outcome.failed.map { result in
      WorkflowCommand(
        "error", properties: [("title", "capacity check: \(result.runName) \(result.objective.description)")],
        message: "\(result.runName): \(result.detail)")
    }
    for analysis in outcome.analyses {
      if analysis.validity.verdict != .valid {
        let reasons = analysis.validity.reasons.joined(separator: "; ")
        commands.append(
          WorkflowCommand(
            "warning",
            properties: [
              ("title", "capacity: \(analysis.run.name) is \(analysis.validity.verdict.rawValue)")
            ],
            message: "\(analysis.run.name) is \(analysis.validity.verdict.rawValue)"
              + (reasons.isEmpty ? "" : ": \(reasons)")))
      }
      for diagnostic in analysis.run.diagnostics.prefix(diagnosticsPerRun) {
        var properties = [(key: "file", value: diagnostic.location.file)]
        if diagnostic.location.line > 0 { properties.append(("line", "\(diagnostic.location.line)")) }
        properties.append(("title", "capacity input"))
        commands.append(WorkflowCommand("warning", properties: properties, message: diagnostic.message))
      }
    }
    return commands
  }

  /// The commands, one per line.
  public func text(_ outcome: CheckOutcome) -> String {
    commands(outcome).map { $0.description + "\n" }.joined()
  }
}
