import Foundation
import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// A scenario described in plain words, as `frontdoor check` prints it: the teams, people and
/// hours, the demand a year by source, the pathway, and every assumption.
public enum ScenarioDescription {
    public static func render(_ scenario: Scenario) -> String {
        var lines = ["Scenario \(scenario.name) (\(scenario.files.joined(separator: ", extending ")))"]
        if !scenario.summary.isEmpty { lines.append(scenario.summary.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let length = scenario.length
        lines.append(
            "Runs for \(days(length.horizonHours)), of which the first \(days(length.warmUpHours)) are a warm-up left out of every measure."
        )
        switch scenario.model {
        case .network(let network, let stageIDs):
            lines.append("")
            lines.append(String(format: "Arrivals: %.4g an hour (Poisson).", network.arrivalsPerHour))
            for (id, stage) in zip(stageIDs, network.stages) {
                let next = stage.routes.map { route in
                    "\(route.stage.map { stageIDs[$0] } ?? "leave") \(Figures.prosePercent(route.probability))"
                }.joined(separator: ", ")
                lines.append(
                    String(
                        format: "  %@: %d server%@, mean %.4g h a piece of work; then %@", id, stage.servers,
                        stage.servers == 1 ? "" : "s", stage.service.mean, next.isEmpty ? "leave" : next))
            }
        case .frontDoor(let design):
            lines += frontDoor(design)
        }
        if !scenario.targets.isEmpty {
            lines.append("")
            lines.append("Targets every design is judged against (the report's At a glance)")
            for target in scenario.targets {
                let unit = scenario.measures.first { $0.id == target.measure }?.unit
                let value = unit == .fraction ? String(format: "%g%%", target.value * 100) : Figures.prose(target.value)
                lines.append("  \(target.measure.name) \(target.atLeast ? "at least" : "at most") \(value)")
            }
        }
        if let plan = scenario.sizing {
            lines.append("")
            lines.append(
                "Sized to one standard by `compare --at-standard`: \(plan.teams.joined(separator: ", ")), at most \(plan.maximumPosts) posts each"
            )
        }
        if !scenario.ranges.isEmpty {
            lines.append("")
            lines.append("Ranges of values it assumes (\(scenario.ranges.count)): a plausible low and high for each, with the reason")
            for range in scenario.ranges {
                lines.append(
                    "  \(range.path): \(Figures.prose(range.low)) to \(Figures.prose(range.high)), the scenario's value "
                        + "\(Figures.prose(range.value)) (\(range.place)): \(range.why)")
            }
        }
        if !scenario.publishedFigures.isEmpty {
            lines.append("")
            lines.append("Published figures it should reproduce (set beside the model's in its report)")
            for figure in scenario.publishedFigures {
                let unit = scenario.measures.first { $0.id == figure.measure }?.unit
                lines.append(
                    "  \(figure.measure.name): \(unit == .fraction ? String(format: "%.1f%%", figure.value * 100) : Figures.prose(figure.value)) — \(figure.source)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func frontDoor(_ design: PreparedDesign) -> [String] {
        var lines = [
            "",
            "Starts on \(design.calendar.startDate). Working days: Monday to Friday outside bank holidays, "
                + "\(hours(design.calendar.office.intervals[0]))."
        ]
        lines.append("")
        lines.append("Teams")
        let costs = StaffCosts(design)
        for (index, team) in design.teams.enumerated() {
            let fte = team.workedPosts.reduce(0, +)
            let shifts =
                String(format: "; each person works %.4g hours a day", team.hoursPerDay)
                + (team.breakHours > 0 ? String(format: " with a %.0f-minute break", team.breakHours * 60) : "")
                + (team.otherDutiesShare > 0
                    ? ", \(Figures.prosePercent(team.otherDutiesShare)) of it on supervision, meetings, quality assurance, admin and learning"
                    : "")
            let vacant =
                team.vacantPosts == 0
                ? ""
                : ", \(team.vacantPosts) vacant"
                    + (team.agencyPosts > 0 ? " of which \(team.agencyPosts) covered by agency staff" : "")
            lines.append(
                "  \(team.id): \(team.people.count) × \(team.role) (\(Figures.prose(fte)) FTE at work\(vacant), grade \(team.grade)); "
                    + "\(weeklyHours(team.schedule))\(shifts)"
                    + (team.decisionRole == .oversees
                        ? "; a manager, who makes or signs off decisions"
                        : team.decisionRole == .recommends ? "; recommends decisions for a manager to sign off" : "")
                    + (team.schedule.closedDays.isEmpty ? "; open on bank holidays" : ""))
            let absence = team.absence
            lines.append(
                "    away: \(Figures.prose(absence.leaveDays)) days' leave, \(Figures.prose(absence.trainingDays)) training days, "
                    + "\(Figures.prosePercent(absence.sicknessRate)) of days sick; "
                    + {
                        switch team.costing {
                        case .establishment: "costs \(Figures.money(costs.teams[index].total)) a year"
                        case .informalCover:
                            "covers informally, not on the front door's establishment: \(Figures.money(costs.teams[index].hourlyCost)) "
                                + "an hour of cover (salary and on-costs over a full-time year's paid hours)"
                        case .sharedService(let hours):
                            "a council service shared with other work, not on the front door's establishment: "
                                + "\(Figures.money(costs.teams[index].hourlyCost)) an hour spent on its contacts (salary, enhancement on "
                                + "\(Figures.prosePercent(costs.teams[index].enhancedShare)) of its opening outside 08:00–18:00 weekdays, and on-costs, "
                                + "over a full-time year of \(Figures.prose(hours))-hour weeks)"
                        }
                    }()
                    + (costs.teams[index].enhancement > 0
                        ? " (\(Figures.prosePercent(costs.teams[index].enhancedShare)) of hours worked outside 08:00–18:00 weekdays)" : ""))
        }
        lines.append("")
        lines += self.costs(design.costs)
        lines.append("")
        lines.append(
            "Demand: \(Figures.prose(design.demand.contactsPerYear)) new contacts a year, plus re-contacts"
                + (design.demand.trendPerYear != 0 ? ", growing \(Figures.prosePercent(design.demand.trendPerYear)) a year" : ""))
        for source in design.demand.sources {
            lines.append(
                "  \(source.group.name.replacingOccurrences(of: "_", with: " ")) (Annex A \(source.group.codes.joined(separator: ", "))): "
                    + "\(Figures.prose(design.demand.contactsPerYear * source.share)) a year (\(Figures.prosePercent(source.share))); "
                    + "red \(Figures.prosePercent(source.rag[0])), amber \(Figures.prosePercent(source.rag[1])), green \(Figures.prosePercent(source.rag[2]))"
            )
            var seasons: [String] = []
            if let months = source.monthWeights {
                seasons.append(
                    Set(months).count == 1
                        ? "the same in every month" : "its own month weights (\(months.map { Figures.prose($0) }.joined(separator: ", ")))")
            }
            if source.schoolHolidayFactor != 1 { seasons.append("×\(Figures.prose(source.schoolHolidayFactor)) in school holidays") }
            for peak in source.peaks {
                seasons.append(
                    "\(peak.name.replacingOccurrences(of: "_", with: " ")) ×\(Figures.prose(peak.factor)) from \(peak.from.day) "
                        + "\(CivilDate.monthNames[peak.from.month - 1]) to \(peak.to.day) \(CivilDate.monthNames[peak.to.month - 1]) each year"
                )
            }
            if let batches = source.batches {
                let channels = Channel.allCases.filter { batches.channels[$0.rawValue] }.map {
                    $0.name.replacingOccurrences(of: "_", with: " ")
                }
                let ratings = RAG.allCases.filter { batches.ratings[$0.rawValue] }.map(\.name)
                seasons.append(
                    "\(ratings.joined(separator: " and ")) contacts by \(channels.joined(separator: " or ")) sent in a batch at "
                        + "\(clock(batches.releaseHour)) each working day (an incident at the weekend arrives on Monday)")
            }
            if !seasons.isEmpty { lines.append("    " + seasons.joined(separator: "; ")) }
        }
        if design.demand.childrenPerContact.count > 1 {
            let mean = design.demand.childrenPerContact.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element }
            lines.append(
                "  children per contact: "
                    + design.demand.childrenPerContact.enumerated().map { "\($0.offset + 1): \(Figures.prosePercent($0.element))" }
                    .joined(separator: ", ") + String(format: " (%.2f on average; referrals and assessments are counted per child)", mean))
        }
        if design.demand.openCaseShare > 0 {
            lines.append(
                "  \(Figures.prosePercent(design.demand.openCaseShare)) of new contacts are about a child whose case is open: recorded at the first step and "
                    + "passed to the allocated worker, with no decision")
        }
        for shock in design.demand.shocks {
            let factors = shock.factors.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.name) ×\(Figures.prose($0.value))" }.joined(separator: ", ")
            var only: [String] = []
            if let ratings = shock.ratings {
                only.append(RAG.allCases.filter { ratings[$0.rawValue] }.map(\.name).joined(separator: " and "))
            }
            if let channels = shock.channels {
                only.append(
                    "by "
                        + Channel.allCases.filter { channels[$0.rawValue] }.map { $0.name.replacingOccurrences(of: "_", with: " ") }.joined(
                            separator: " or "))
            }
            lines.append(
                "  \(shock.name): from \(design.calendar.date(ofDay: shock.firstDay)) to \(design.calendar.date(ofDay: shock.lastDay)), \(factors)"
                    + (only.isEmpty ? "" : " (only contacts \(only.joined(separator: " ")))"))
        }
        lines.append("")
        lines.append("Pathway, in order")
        for (number, stage) in design.stages.enumerated() {
            var notes: [String] = []
            let rags = RAG.allCases.filter { stage.appliesTo[$0.rawValue] > 0 }
                .map { stage.appliesTo[$0.rawValue] >= 1 ? $0.name : "\(Figures.prosePercent(stage.appliesTo[$0.rawValue])) of \($0.name)" }
            if rags.count < 3 || stage.appliesTo.contains(where: { $0 < 1 && $0 > 0 }) {
                notes.append("for \(rags.joined(separator: ", ")) contacts")
            }
            let groups = SourceGroup.allCases.filter { stage.sources[$0.rawValue] }
            if groups.count < SourceGroup.allCases.count { notes.append("from \(groups.map(\.name).joined(separator: ", "))") }
            if stage.outOfHoursOnly { notes.append("only outside office hours") }
            if case .checks(let clock) = stage.kind {
                notes.append(
                    "partner checks, abandoned after "
                        + RAG.allCases.filter { clock[$0.rawValue].isFinite }
                        .map { "\(Figures.prose(clock[$0.rawValue])) h (\($0.name))" }.joined(separator: ", "))
            }
            if stage.phone != nil { notes.append("a phone line: callers may give up and ring back") }
            if stage.asksForMissingInformation { notes.append("asks for missing information") }
            if let cover = stage.coverTeam { notes.append("covered by \(design.teams[cover].id) when the team is away") }
            if stage.decides { notes.append("decides") }
            if stage.referralFactor != 1 { notes.append("referrals ×\(Figures.prose(stage.referralFactor)) against the outcome table") }
            if let conversation = stage.conversation {
                notes.append(
                    "a conversation with the caller finds \(Figures.prosePercent(conversation.findsLessNeed)) of the children the table would refer "
                        + "(or take to a strategy discussion) who need less, and talks \(Figures.prosePercent(conversation.losesNeed)) "
                        + "of the children in need it would rightly refer out of a referral")
            }
            let minutes = RAG.allCases.filter { stage.appliesTo[$0.rawValue] > 0 }.map {
                ($0, stage.time.mean * 60 * stage.ragFactors[$0.rawValue])
            }
            let time =
                Set(minutes.map(\.1)).count <= 1
                ? String(format: "%.3g minutes on average", minutes.first?.1 ?? stage.time.mean * 60)
                : "on average " + minutes.map { String(format: "%.3g minutes (%@)", $0.1, $0.0.name) }.joined(separator: ", ")
            lines.append(
                "  \(number + 1). \(stage.id) by \(design.teams[stage.team].id), " + taskWords(stage.task) + time
                    + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")))
        }
        if let discussion = design.strategyDiscussion {
            let who = discussion.participants.map { "\($0.people) of \(design.teams[$0.team].id)" }.joined(separator: ", ")
            lines.append(
                "  then, after a decision to hold one, a strategy discussion: \(who) meet at once, " + taskWords(discussion.task)
                    + String(format: "%.3g minutes on average", discussion.time.mean * 60)
                    + ", due within \(Figures.prose(discussion.withinWorkingDays)) working day\(discussion.withinWorkingDays == 1 ? "" : "s")"
            )
        }
        lines.append("")
        lines += flowAndOutcomes(design.design)
        lines.append("")
        lines.append(fatigue(design.fatigue))
        lines.append("")
        lines.append("Assumptions (\(design.assumptions.count), marked '# assumption' in the files)")
        lines += design.assumptions.map { "  - \($0)" }
        if !design.forecasts.isEmpty {
            lines.append("")
            lines.append(
                "Forecasts (\(design.forecasts.count), marked '# forecast'): inputs taken from a forecast, not from evidence of what happened"
            )
            lines += design.forecasts.map { "  - \($0)" }
        }
        return lines
    }

    /// Waits between steps, the slow tail, the immediate path and the outcome tables, in words.
    static func flowAndOutcomes(_ design: FrontDoorDesign) -> [String] {
        let flow = design.flow
        func rags(_ flags: [Bool]) -> String { RAG.allCases.filter { flags[$0.rawValue] }.map(\.name).joined(separator: ", ") }
        var lines = ["Between steps"]
        lines.append(
            String(
                format:
                    "  a handoff between teams takes %.3g hours on average and loses information %@ of the time; missing information takes %.3g hours on average to obtain",
                flow.handoffDelay.mean, Figures.prosePercent(flow.handoffInformationLoss), flow.informationWait.mean))
        let slow = RAG.allCases.filter { flow.slowShare[$0.rawValue] > 0 }
        if !slow.isEmpty {
            lines.append(
                "  slow contacts wait for consent, a call-back or a partner's information, occupying nobody: "
                    + slow.map { "\(Figures.prosePercent(flow.slowShare[$0.rawValue])) of \($0.name)" }.joined(separator: ", ")
                    + String(format: ", %.3g hours on average", flow.slowWait.mean))
        }
        if flow.immediate.contains(true) {
            lines.append(
                "  \(rags(flow.immediate)) contacts take the immediate path: the front of every queue, no waiting first, worked to completion"
            )
        }
        lines.append("")
        lines.append("Decisions: the chance of a referral or strategy discussion, by RAG rating")
        func chances(_ byRAG: [[Double]]) -> String {
            RAG.allCases.map {
                "\($0.name) \(Figures.prosePercent(byRAG[$0.rawValue][Outcome.referral.rawValue] + byRAG[$0.rawValue][Outcome.strategyDiscussion.rawValue]))"
            }
            .joined(separator: ", ")
        }
        lines.append(
            "  every source\(design.outcomes.bySourceGroup.contains { $0 != nil } ? " without its own table" : ""): \(chances(design.outcomes.byRAG))"
        )
        for group in SourceGroup.allCases {
            if let own = design.outcomes.bySourceGroup[group.rawValue] { lines.append("  \(group.name): \(chances(own))") }
        }
        let factors = Channel.allCases.filter { design.outcomes.referralFactorByChannel[$0.rawValue] != 1 }
        if !factors.isEmpty {
            lines.append(
                "  by channel: "
                    + factors.map { "\($0.name) ×\(Figures.prose(design.outcomes.referralFactorByChannel[$0.rawValue]))" }.joined(
                        separator: ", "))
        }
        let rules = design.outcomes
        guard let quality = design.decisionQuality else {
            lines.append(
                "After a referral: an assessment starts for \(Figures.prosePercent(rules.assessmentStart)); \(Figures.prosePercent(rules.assessmentNoFurtherService)) of "
                    + "assessments end with no further service")
            lines.append(
                "Children coming back within 12 months, with the same concern: \(Figures.prosePercent(rules.recontact)) of cases closed at the front door "
                    + (rules.recontactAfterWrongDecision != rules.recontact
                        ? "(\(Figures.prosePercent(rules.recontactAfterWrongDecision)) after a decision changed by fatigue)" : "")
                    + "; of referred children, \(Figures.prosePercent(rules.returnAfterReferral.closed)) whose case closed and "
                    + "\(Figures.prosePercent(rules.returnAfterReferral.served)) who had services")
            return lines + ["Decision quality: not modelled (no decision_quality): no decision is right or wrong."]
        }
        lines.append(
            "After a referral: \(Figures.prosePercent(quality.notInNeedClosedBeforeAssessment)) of referrals of children not in need are "
                + "closed before an assessment (no further action), the rest assessed; an assessment ends with no further service when the "
                + "child is not in need")
        lines.append(
            "Children coming back within 12 months, with the same concern: \(Figures.prosePercent(rules.recontact)) of cases closed at the "
                + "front door with no need missed, \(Figures.prosePercent(quality.missedNeedReturn)) of children in need whose case was closed "
                + "(one rating more urgent, \(Figures.prosePercent(quality.missedNeedEscalation)) of them needing protection by then); "
                + "of referred children, \(Figures.prosePercent(rules.returnAfterReferral.closed)) whose case closed and "
                + "\(Figures.prosePercent(rules.returnAfterReferral.served)) who had services")
        return lines + decisionQuality(quality)
    }

    /// Each child's real need and how clearly deciders see it, in words.
    static func decisionQuality(_ quality: DecisionQuality) -> [String] {
        func row(_ table: [[Double]]) -> String {
            RAG.allCases.map { rag in
                "\(rag.name) \(Figures.prosePercent(table[rag.rawValue][Need.inNeed.rawValue] + table[rag.rawValue][Need.protection.rawValue]))"
            }.joined(separator: ", ")
        }
        var lines = [
            "Decision quality: each child has a real need the front door cannot see directly; contacts about a child in need "
                + "(protection included): " + row(quality.needByRAG)
        ]
        for group in SourceGroup.allCases {
            if let own = quality.needBySourceGroup[group.rawValue] { lines.append("  \(group.name): " + row(own)) }
        }
        let factors = quality.noiseFactors
        lines.append(
            "  a decider sees a child's need through noise of \(Figures.prose(quality.noise)) standard deviations, ×\(Figures.prose(factors.conversation)) "
                + "after a conversation with the caller, ×\(Figures.prose(factors.partnerChecks)) with partners' checks done, "
                + "×\(Figures.prose(factors.missingInformation)) with information missing")
        return lines
    }

    /// The fatigue effect a design assumes, in words, with a warning where it is larger than the
    /// evidence supports.
    public static func fatigue(_ fatigue: Fatigue?) -> String {
        guard let fatigue else { return "Decision fatigue: off." }
        return "Decision fatigue (an assumption, switched on): from the first decision after a break, each decision makes the default "
            + "'\(fatigue.defaultOutcome.name)' a little more likely, up to \(Figures.prosePercent(fatigue.defaultIncrease)) more likely than the outcome table "
            + "makes it and \(Figures.prosePercent(fatigue.timeIncrease)) slower after \(fatigue.rampDecisions) decisions without a break."
            + (fatigue.exceedsEvidence ? " " + fatigueWarning : "")
    }

    /// Said of a fatigue effect larger than the evidence supports.
    public static let fatigueWarning =
        "This is more than the evidence supports: at most a Linder-size effect, about 20–25% more "
        + "default decisions over a four-hour session; the Danziger-size effect is not borne out by replications (domain §4.3)."

    /// The price base and how pay, on-costs and downstream costs were put on it.
    static func costs(_ costs: Costs) -> [String] {
        let onCosts = costs.onCosts
        var lines = [
            "Costs at \(costs.priceYear) prices"
                + (costs.payYear == costs.priceYear
                    ? "" : ": pay scales of \(costs.payYear) put on them by the national pay awards in between")
        ]
        lines.append(
            "  on-costs: employer's NI \(Figures.prosePercent(onCosts.niRate)) above \(Figures.money(onCosts.niThreshold)), pension \(Figures.prosePercent(onCosts.pensionRate)), "
                + "apprenticeship levy \(Figures.prosePercent(onCosts.levyRate)) (\(Figures.prosePercent(onCosts.onCosts(onPay: 40_000) / 40_000)) on a £40,000 salary)"
        )
        let premiums = costs.agencyPremium.sorted { $0.key < $1.key }.map { "\($0.key) \(Figures.prosePercent($0.value))" }
        if !premiums.isEmpty { lines.append("  agency premium on covered vacant posts: " + premiums.joined(separator: ", ")) }
        if costs.extendedHoursEnhancement > 0 {
            lines.append(
                "  extended-hours enhancement: \(Figures.prosePercent(costs.extendedHoursEnhancement)) on hours worked outside 08:00–18:00 weekdays"
            )
        }
        let unit = costs.downstream
        if unit != .none {
            lines.append(
                "  notional downstream costs (capacity used elsewhere, not cash): \(Figures.money(unit.assessment)) an assessment, "
                    + "\(Figures.money(unit.s47Enquiry)) a section 47 enquiry, \(Figures.money(unit.earlyHelpEpisode)) an early-help episode"
            )
        }
        return lines
    }

    // MARK: - Formatting

    /// "task screen_contact ×2 because a conversation takes longer…; " — which shared task a stage
    /// does and any scaling with its reason; "own time (no shared task), " for a time of its own.
    static func taskWords(_ task: TaskReference?) -> String {
        guard let task else { return "own time (no shared task), " }
        guard task.isScaled else { return "task \(task.name), " }
        let factors =
            Set(task.scale).count == 1
            ? "×\(Figures.prose(task.scale[0]))"
            : RAG.allCases.filter { task.scale[$0.rawValue] != 1 }.map { "\($0.name) ×\(Figures.prose(task.scale[$0.rawValue]))" }.joined(
                separator: ", ")
        return "task \(task.name) \(factors) because \(task.reason ?? "the design says so"); "
    }

    static func days(_ hours: Double) -> String {
        let d = hours / 24
        return d == d.rounded() ? "\(Int(d)) day\(Int(d) == 1 ? "" : "s")" : String(format: "%.3g days", d)
    }

    /// `08:00`; the end of a day `24:00`; a time past midnight as the clock shows it.
    public static func clock(_ hours: Double) -> String {
        let minutes = Int((hours * 60).rounded())
        // The end of a day is written 24:00; a time past midnight as the clock shows it.
        if minutes == 1_440 { return "24:00" }
        return String(format: "%02d:%02d", (minutes / 60) % 24, minutes % 60)
    }

    static func hours(_ intervals: [ClosedRange<Double>]) -> String {
        intervals.isEmpty ? "closed" : intervals.map { "\(clock($0.lowerBound))–\(clock($0.upperBound))" }.joined(separator: ", ")
    }

    /// "Mon–Fri 09:00–17:00; Sat–Sun closed".
    static func weeklyHours(_ schedule: WeeklySchedule) -> String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var parts: [String] = []
        var start = 0
        while start < 7 {
            var end = start
            while end + 1 < 7 && schedule.intervals[end + 1] == schedule.intervals[start] { end += 1 }
            let days = start == end ? names[start] : "\(names[start])–\(names[end])"
            parts.append("\(days) \(hours(schedule.intervals[start]))")
            start = end + 1
        }
        return parts.joined(separator: "; ")
    }
}
