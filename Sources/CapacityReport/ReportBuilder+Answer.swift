import CapacityModel
import CapacityPlanning

extension ReportBuilder {
  /// Adds the profile table's combined verdicts, `recommendation` and each run's `slo_cause`.
  package func withAnswer(_ document: ReportDocument, plan: CapacityPlan) -> ReportDocument {
    var document = document
    for index in document.runs.indices {
      document.runs[index].sloCause = plan.sloCauses[document.runs[index].id].map(
        ReportDocument.SLOCauseEntry.init)
    }
    for index in document.profiles.indices {
      guard let row = plan.assessments.first(where: { $0.profile.name == document.profiles[index].name })
      else { continue }
      document.profiles[index].combinedVerdict = row.verdict?.rawValue
      document.profiles[index].verdictBasis = row.basis
      document.profiles[index].verdictReasons = row.reasons
      document.profiles[index].carriesUsers = row.carries?.users
      document.profiles[index].carriesRps = row.carries.map { NumberFormat.rounded($0.rps, places: 1) }
      document.profiles[index].carriesWebReplicas = row.carries?.webReplicas
      document.profiles[index].carriesBasis = row.carries?.basis
    }
    if let choice = plan.choice, choice.verdict != nil {
      document.recommendation = ReportDocument.AnswerRecommendationEntry(
        profile: choice.profile?.name, verdict: choice.verdict?.rawValue,
        basis: choice.basis.joined(separator: " and "), carriesUsers: choice.carries?.users,
        carriesRps: choice.carries.map { NumberFormat.rounded($0.rps, places: 1) },
        targetUsers: choice.targetUsers,
        targetRps: choice.targetRPS.map { NumberFormat.rounded($0, places: 1) },
        neededCpuMillicores: choice.neededCPUMillicores)
    }
    return document
  }
}
