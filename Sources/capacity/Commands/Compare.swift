import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "compare",
      abstract: "Say whether a candidate run regressed against a baseline, with statistics.",
      discussion: """
        BASELINE and CANDIDATE are stored runs (id, id prefix or name; see 'capacity runs') or files/directories holding one run each, which are ingested first. Both runs are cut into windows at full load (raw request logs: 5 s windows of every request; Locust: --window seconds of its history); per window p50, p95 and throughput are compared overall and per endpoint with a Mann-Whitney U test (exact for up to 60 windows) and a moving-block bootstrap CI. The overall metrics are corrected with Holm-Bonferroni and alone decide the verdict; the endpoint rows are corrected with Benjamini-Hochberg. Exit status 2 on a regression of an overall metric.
        """)

    @Argument(help: "The reference run (stored run, file or directory).", completion: .file())
    var baseline: String
    @Argument(help: "The run to judge (stored run, file or directory).", completion: .file())
    var candidate: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var ci: SummaryOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(help: "md, html or json.") var format: ComparisonFormat = .md
    @Option(
      name: [.short, .customLong("output")],
      help: ArgumentHelp("Write here instead of stdout.", valueName: "file"), completion: .file())
    var output: String?
    @Option(help: ArgumentHelp("Smallest change that counts, percent.", valueName: "percent"))
    var threshold = 5.0
    @Option(help: ArgumentHelp("Window length for Locust histories, seconds.", valueName: "seconds"))
    var window = 10
    @Option(help: "Bootstrap resamples.") var resamples = 10_000
    @Option(help: "Seed of the bootstrap's random generator.") var seed: UInt64 = 42
    @Option(
      help: ArgumentHelp("Templates overriding the built-in ones.", valueName: "dir"), completion: .directory)
    var templates: String?

    enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    func validate() throws {
      guard threshold >= 0, window >= 2, resamples >= 100 else {
        throw ValidationError("'--threshold' ≥ 0, '--window' ≥ 2 and '--resamples' ≥ 100 are required")
      }
    }

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      var settings = ComparisonSettings()
      settings.practicalThreshold = threshold / 100
      settings.windowSeconds = Int64(window)
      settings.resamples = resamples
      settings.seed = seed
      let locator = RunLocator(store: try store.open())
      let comparison = RunComparator(settings: settings).compare(
        baseline: try locator.run(for: baseline, now: Date()),
        candidate: try locator.run(for: candidate, now: Date()))
      let rendered = try ReportRenderer(templatesDirectory: templates).render(
        ComparisonDocument(comparison, settings: settings))
      let text =
        [ComparisonFormat.md: rendered.markdown, .html: rendered.html, .json: rendered.json][format] ?? ""
      try ci.append(rendered.markdown + "\n")
      if let output {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        Console.standardError.wrote([output])
      } else {
        print(text, terminator: "")
      }
      if comparison.verdict == .regression { throw ExitCode(2) }
    }
  }
}
