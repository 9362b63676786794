import ArgumentParser
import CapacityKit
import Testing

@testable import capacity

@Suite struct CommandParsingTests {
  @Test func analyzeTakesPathsManifestsAndOutput() throws {
    let command = try Capacity.parseAsRoot([
      "analyze", "a.csv", "runs/", "--manifests", "k8s/", "extra.yaml", "-o", "out", "--db", "x.sqlite",
    ])
    let analyze = try #require(command as? Capacity.Analyze)
    #expect(analyze.paths == ["a.csv", "runs/"])
    #expect(analyze.report.plan.manifests == ["k8s/", "extra.yaml"])
    #expect(analyze.report.output.output == "out")
    #expect(analyze.store.db == "x.sqlite")
    #expect(analyze.report.thresholds.thresholds.sloP95Ms == 500)
  }

  @Test func defaultsFollowTheDesign() throws {
    let analyze = try #require(try Capacity.parseAsRoot(["analyze", "runs/"]) as? Capacity.Analyze)
    #expect(analyze.store.db == nil)
    #expect(RunHistoryOpener.location(analyze.store.db, environment: [:]) == "capacity.sqlite")
    #expect(analyze.report.output.output == "capacity-report")
    #expect(analyze.report.thresholds.thresholds.sloErrorRate == 0.01)
  }

  @Test func theStoreIsDbElseCapacityDBElseTheDefault() {
    let team = ["CAPACITY_DB": "postgres://ci@db:5432/runs"]
    #expect(RunHistoryOpener.location("x.sqlite", environment: team) == "x.sqlite")
    #expect(RunHistoryOpener.location(nil, environment: team) == "postgres://ci@db:5432/runs")
    #expect(RunHistoryOpener.location(nil, environment: ["CAPACITY_DB": ""]) == "capacity.sqlite")
  }

  @Test func sloFlagsBecomeThresholds() throws {
    let analyze = try #require(
      try Capacity.parseAsRoot(["analyze", "r", "--slo-p95", "300", "--slo-errors", "0.5"])
        as? Capacity.Analyze)
    #expect(analyze.report.thresholds.thresholds.sloP95Ms == 300)
    #expect(analyze.report.thresholds.thresholds.sloErrorRate == 0.005)
  }

  @Test func planWithoutManifestsIsAUsageError() {
    #expect(throws: (any Error).self) { try Capacity.parseAsRoot(["plan"]) }
  }
}
