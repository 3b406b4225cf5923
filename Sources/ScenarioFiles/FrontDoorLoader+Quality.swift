import FrontDoorModel
import SimulationEngine

/// The quality of decisions: each child's real need, and how clearly deciders see it.
extension FrontDoorLoader {
    /// `decision_quality: {need: {red: {…}, …, by_source: {…}}, noise: 0.5, noise_factors: {…},
    /// missed_need_return_within_12_months: 0.5, missed_need_escalation: 0.1}`.
    static func readDecisionQuality(_ value: YAMLValue) throws(ScenarioError) -> DecisionQuality {
        let map = try value.mapping(allowed: [
            "need", "noise", "noise_factors", "missed_need_return_within_12_months", "missed_need_escalation",
            "not_in_need_closed_before_assessment"
        ])
        let needValue = try map.required(
            "need", "the share of contacts of each real need (none, early_help, in_need, protection), by rating")
        let need = try needValue.mapping(allowed: RAG.allCases.map(\.name) + ["by_source"])
        let names = Need.allCases.map(\.name)
        func table(_ rows: YAMLMapping, _ whose: String) throws(ScenarioError) -> [[Double]] {
            var table: [[Double]] = []
            for rag in RAG.allCases {
                table.append(
                    try probabilities(try rows.required(rag.name, "the real needs of \(rag.name) contacts\(whose)"), names: names))
            }
            return table
        }
        var bySourceGroup: [[[Double]]?] = SourceGroup.allCases.map { _ in nil }
        if let groups = need["by_source"] {
            for (name, rows) in try groups.mapping().entries {
                let group = try sourceGroup(name, at: rows)
                bySourceGroup[group.rawValue] = try table(try rows.mapping(allowed: RAG.allCases.map(\.name)), " from \(name)")
            }
        }
        let factors = try map["noise_factors"]?.mapping(allowed: ["conversation", "partner_checks", "missing_information"])
        func factor(_ key: String) throws(ScenarioError) -> Double {
            try factors?[key]?.number("a factor above 0 on the noise (below 1: seen more clearly)", atMost: 100, "times the noise") {
                $0 > 0
            } ?? 1
        }
        return DecisionQuality(
            needByRAG: try table(need, ""), needBySourceGroup: bySourceGroup,
            noise: try map.required("noise", "how blurred a decider's view of a child's need is, in standard deviations (0: clear)")
                .number("a noise of 0 or more", atMost: 100, "standard deviations") { $0 >= 0 },
            noiseFactors: DecisionQuality.NoiseFactors(
                conversation: try factor("conversation"), partnerChecks: try factor("partner_checks"),
                missingInformation: try factor("missing_information")),
            missedNeedReturn: try map.required(
                "missed_need_return_within_12_months", "the chance a child in need whose contact was closed comes back within 12 months"
            ).probability(),
            missedNeedEscalation: try map["missed_need_escalation"]?.probability() ?? 0,
            notInNeedClosedBeforeAssessment: try map.required(
                "not_in_need_closed_before_assessment",
                "the chance that a referral of a child who is not in need is closed before an assessment starts"
            ).probability())
    }

    /// With the quality of decisions modelled, an assessment finds a child in need when the child
    /// is, and a wrong closure is a missed need: the keys that set those by chance are refused.
    static func refuseChanceKeys(_ outcomes: YAMLValue) throws(ScenarioError) {
        let map = try outcomes.mapping()
        if let key = map["assessment_no_further_service"] {
            throw key.error(
                "with decision_quality, an assessment ends with no further service when the child is not in need: "
                    + "remove assessment_no_further_service (the share follows from the need table and the noise)")
        }
        if let key = map["assessment_start_probability"] {
            throw key.error(
                "with decision_quality, a referral is closed before an assessment when the child is not in need and the social worker who "
                    + "takes it sees so (decision_quality.not_in_need_closed_before_assessment): remove assessment_start_probability")
        }
        if let key = map["recontact_after_wrong_decision"] {
            throw key.error(
                "with decision_quality, a child in need whose contact was closed comes back as "
                    + "decision_quality.missed_need_return_within_12_months says: remove recontact_after_wrong_decision")
        }
    }
}
