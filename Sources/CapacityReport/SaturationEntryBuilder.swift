import CapacityAnalysis
import CapacityModel

/// Maps saturation analyses and SLO results into `report.json` entries, rounded once here.
package struct SaturationEntryBuilder {
  package var forecastErrorLimit = AnalysisThresholds().forecastErrorLimit

  package func entry(_ analysis: SaturationAnalysis) -> ReportDocument.SaturationEntry {
    func r(_ value: Double, _ places: Int = 2) -> Double { NumberFormat.rounded(value, places: places) }
    func rule(_ trip: RuleTrip) -> ReportDocument.RuleEntry {
      .init(rule: trip.rule.rawValue, users: trip.users, detail: trip.detail)
    }
    func estimate(_ estimate: USLFit.Estimate) -> ReportDocument.EstimateEntry {
      .init(
        value: r(estimate.value, 8), stdError: r(estimate.standardError, 8), ci95Low: r(estimate.lower, 8),
        ci95High: r(estimate.upper, 8))
    }
    let usl = analysis.fit.map { fit in
      ReportDocument.USLEntry(
        sigma: estimate(fit.sigma), kappa: estimate(fit.kappa), lambda: estimate(fit.lambda),
        dfResidual: fit.degreesOfFreedom, rss: r(fit.residualSumOfSquares, 4), start: fit.start.rawValue,
        nStar: fit.peakUsers.map { r($0, 1) }, nStarCi95Low: fit.peakUsersLower.map { r($0, 1) },
        nStarCi95High: fit.peakUsersUpper.map { r($0, 1) }, xMaxRps: fit.peakThroughput.map { r($0) },
        xRoofRps: fit.roofThroughput.map { r($0) }, retrogradeObserved: fit.retrogradeObserved,
        bootstrapReplicates: fit.bootstrapReplicates, bootstrapSeed: fit.bootstrapSeed,
        band: fit.band.map { .init(users: r($0.users, 1), lowRps: r($0.lower), highRps: r($0.upper)) })
    }
    let forecast = analysis.forecast.map { forecast in
      ReportDocument.ForecastEntry(
        fittedUsers: forecast.fittedUsers,
        predictions: forecast.predictions.map {
          .init(
            users: $0.users, measuredRps: r($0.measured), predictedRps: r($0.predicted),
            errorPct: r($0.relativeError * 100, 1))
        }, meanAbsErrorPct: r(forecast.meanAbsoluteError * 100, 1), limitPct: r(forecastErrorLimit * 100, 1),
        trusted: analysis.fitTrusted(limit: forecastErrorLimit))
    }
    let capacity = analysis.capacity.map { capacity in
      ReportDocument.CapacityEntry(
        users: r(capacity.users, 1), rps: r(capacity.throughput), bound: capacity.bound.rawValue,
        limitedBy: capacity.limitedBy?.description, unevaluated: capacity.unevaluated.map(\.description))
    }
    return ReportDocument.SaturationEntry(
      source: analysis.source, runIds: analysis.runIDs,
      steps: analysis.steps.map { step in
        .init(
          users: step.users, rps: r(step.throughput), p50Ms: step.p50Ms.map { r($0, 1) },
          p95Ms: step.p95Ms.map { r($0, 1) }, p99Ms: step.p99Ms.map { r($0, 1) },
          errorRate: r(step.errorRate, 4),
          requests: step.requests, effectiveConcurrency: step.effectiveConcurrency.map { r($0) },
          steady: step.steady, label: step.label)
      }, steadySteps: analysis.steps.filter(\.steady).count, usl: usl, uslMissing: analysis.missingSteps,
      forecast: forecast, kneeThroughputUsers: analysis.throughputKnee?.users,
      kneeThroughputTrusted: analysis.throughputKnee?.trusted, kneeP95Users: analysis.latencyKnee?.users,
      kneeP95Trusted: analysis.latencyKnee?.trusted, rules: analysis.trips.map(rule),
      saturationPoint: analysis.saturationPoint.map(rule), bottleneck: analysis.bottleneck,
      capacityAtSlo: capacity, notes: analysis.notes)
  }

  package func objective(_ objective: SLOObjective) -> ReportDocument.ObjectiveEntry {
    .init(
      endpoint: objective.endpoint, metric: objective.metric.rawValue,
      max: objective.metric.isLowerBound ? nil : objective.limit,
      min: objective.metric.isLowerBound ? objective.limit : nil, users: objective.users,
      transaction: objective.transaction)
  }

  package func result(_ result: SLOResult) -> ReportDocument.SLOResultEntry {
    .init(
      run: result.runName, runId: result.runID, objective: result.objective.description,
      measured: result.measured.map { NumberFormat.rounded($0, places: 4) }, passed: result.passed,
      detail: result.detail)
  }
}
