import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct LocustRunAssemblerTests {
  @Test func filesAreGroupedByPrefixIntoOneRunEach() throws {
    let files = try InputCollector().collect([Corpus.path("samples/runs")]).files
    let runs = try LocustRunAssembler().assemble(files)
    #expect(runs.map(\.name).sorted() == ["broken", "invalid", "light", "medium", "stepped", "stress"])
    let light = try #require(runs.first { $0.name == "light" })
    #expect(
      light.sourceFiles.map(\.role).sorted()
        == [InputKind.locustStats, .locustHistory, .locustFailures, .locustExceptions].map(\.rawValue)
        .sorted())
  }

  @Test func aStatsFileAloneIsARun() throws {
    let file = InputFile(
      path: "x/only_stats.csv", kind: .locustStats,
      bytes: try Corpus.bytes("samples/runs/light/light_stats.csv"))
    let runs = try LocustRunAssembler().assemble([file])
    #expect(runs.count == 1)
    #expect(runs[0].name == "only")
    #expect(runs[0].total?.requests == 771)
    #expect(runs[0].historyKind == HistoryKind.none)
  }

  @Test func theRunIDIsTheContentNotTheFileName() throws {
    let bytes = try Corpus.bytes("samples/runs/light/light_stats.csv")
    let first = try LocustRunAssembler().assemble([
      InputFile(path: "a/x_stats.csv", kind: .locustStats, bytes: bytes)
    ])
    let second = try LocustRunAssembler().assemble([
      InputFile(path: "b/y_stats.csv", kind: .locustStats, bytes: bytes)
    ])
    #expect(first[0].id == second[0].id)
    #expect(first[0].id.count == 64)
  }

  @Test func sameNamedRunsInDifferentFoldersGetTheFolderName() throws {
    let bytes = try Corpus.bytes("samples/runs/light/light_stats.csv")
    let runs = try LocustRunAssembler().assemble([
      InputFile(path: "medium/medium_stats.csv", kind: .locustStats, bytes: bytes),
      InputFile(path: "noisy/medium_stats.csv", kind: .locustStats, bytes: bytes + Array("\n".utf8)),
    ])
    #expect(runs.map(\.name).sorted() == ["medium/medium", "noisy/medium"])
  }

  @Test func historyAloneSuppliesTotalsButNotWindowedPercentiles() throws {
    let file = InputFile(
      path: "s/stepped_stats_history.csv", kind: .locustHistory,
      bytes: try Corpus.bytes("samples/runs/stepped/stepped_stats_history.csv"))
    let run = try #require(try LocustRunAssembler().assemble([file]).first)
    #expect(run.total?.requests == 6657)
    #expect(run.total?.percentiles.isEmpty == true)
  }
}
