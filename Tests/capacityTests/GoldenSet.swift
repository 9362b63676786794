import Testing

/// One input set of the golden reports: the files staged into a scratch directory (under the short
/// relative paths the report prints) and the result paths given to `capacity analyze`, always with the
/// seed deployment as `--manifests samples/k8s`, like the README's first command.
struct GoldenSet: Sendable, CustomTestStringConvertible {
  struct Input: Sendable {
    /// Path in the repository.
    var source: String
    /// Path in the scratch directory, as the report shows it.
    var staged: String
  }

  var name: String
  var inputs: [Input]
  var resultPaths: [String]
  /// Further `analyze` options (the samples' fault events).
  var options: [String] = []

  var testDescription: String { name }

  /// Where `capacity analyze` writes by default (no `-o`), relative to the scratch directory.
  static let reportDirectory = "capacity-report"

  private static let manifests = Input(source: "samples/k8s", staged: "samples/k8s")

  /// The bundled samples, as the README's first command reads them: five corpus Locust runs and the
  /// hand-made broken seed run (`samples/runs`), their resource samples, a JMeter run, a chaos run
  /// with its events and two builds of one scenario (`samples/extra`).
  static let samples = GoldenSet(
    name: "samples",
    inputs: [
      Input(source: "samples/runs", staged: "samples/runs"),
      Input(source: "samples/extra", staged: "samples/extra"),
      Input(source: "samples/chaos-events.csv", staged: "samples/chaos-events.csv"), manifests,
    ],
    resultPaths: ["samples/runs", "samples/extra"], options: ["--events", "samples/chaos-events.csv"])

  /// Corpus `jmeter_xml/`: the XML JTL (already a fixture of the raw-log tests) with its `sadf -d`
  /// export and pidstat log.
  static let jmeterXML = GoldenSet(
    name: "jmeter_xml",
    inputs: [
      Input(
        source: "Tests/Fixtures/raw/jmeter_xml_results.jtl", staged: "jmeter_xml/results.jtl"
      ),
      Input(source: "Tests/capacityTests/Fixtures/jmeter_xml/pidstat.txt", staged: "jmeter_xml/pidstat.txt"),
      Input(source: "Tests/capacityTests/Fixtures/jmeter_xml/sar_u_r.csv", staged: "jmeter_xml/sar_u_r.csv"),
      manifests,
    ],
    resultPaths: ["jmeter_xml"])

  /// Corpus `noisy_neighbor_medium/`: a Locust run on a host another job shared, with `sadf -x`,
  /// pidstat and the ktop log.
  static let noisyNeighbourMedium = GoldenSet(
    name: "noisy_neighbor_medium",
    inputs: [
      Input(source: "Tests/capacityTests/Fixtures/noisy_neighbor_medium", staged: "noisy_neighbor_medium"),
      manifests,
    ],
    resultPaths: ["noisy_neighbor_medium"])

  static let all = [samples, jmeterXML, noisyNeighbourMedium]

  /// Every set in one `analyze`: eight runs (two named `medium`) and five resource files, the widest
  /// input for the ordering checks.
  static let combined = GoldenSet(
    name: "combined", inputs: all.flatMap(\.inputs).filter { $0.source != manifests.source } + [manifests],
    resultPaths: all.flatMap(\.resultPaths), options: all.flatMap(\.options))

  /// Stages the inputs into `runner`'s scratch directory and runs `capacity analyze` there with the
  /// default report directory and store (`capacity-report/`, `capacity.sqlite`).
  func analyze(
    in runner: BinaryRunner, environment: [String: String] = [:], unsetting: Set<String> = []
  ) throws -> BinaryRunner.Result {
    for input in inputs { try runner.stage(input.source, as: input.staged) }
    return try runner.run(
      ["analyze"] + resultPaths + ["--manifests", Self.manifests.staged] + options, environment: environment,
      unsetting: unsetting)
  }
}
