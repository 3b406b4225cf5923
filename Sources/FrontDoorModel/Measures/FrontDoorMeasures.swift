import SimulationEngine

/// The measures of a front-door design, each defined once here (and in docs/reference/measures.md) in plain
/// words, with how it is computed from what a replication recorded.
enum FrontDoorMeasures {
    static func catalogue(_ design: PreparedDesign) -> MeasureCatalogue<FrontDoorReplication> {
        var c = MeasureCatalogue<FrontDoorReplication>()
        let costs = StaffCosts(design)
        let staffAndAgency = costs.staff + costs.agency
        let unit = design.costs.downstream
        @Sendable func downstream(_ run: FrontDoorReplication) -> Double {
            run.perYear(run.assessmentsStarted) * unit.assessment + run.perYear(run.outcomes[Outcome.strategyDiscussion.rawValue])
                * unit.s47Enquiry
                + run.perYear(run.outcomes[Outcome.earlyHelp.rawValue]) * unit.earlyHelpEpisode
        }
        func hourlyRates(shared: Bool) -> [(team: Int, cost: Double)] {
            costs.teams.enumerated().filter { $0.element.hourlyCost > 0 && $0.element.sharedService == shared }.map {
                ($0.offset, $0.element.hourlyCost)
            }
        }
        let coverRates = hourlyRates(shared: false), sharedRates = hourlyRates(shared: true)
        /// Hours a team paid by the hour spent on the front door's contacts, at its hourly cost.
        @Sendable func byTheHour(_ rates: [(team: Int, cost: Double)], _ run: FrontDoorReplication) -> Double {
            rates.reduce(0) { $0 + run.perYear(run.teamBusyHours[$1.team]) * $1.cost }
        }
        @Sendable func cash(_ run: FrontDoorReplication) -> Double {
            staffAndAgency + byTheHour(coverRates, run) + byTheHour(sharedRates, run)
        }
        let oneOff = design.costs.oneOff
        let prices = "\(design.costs.priceYear)"
        func words(_ name: String) -> String { name.replacingOccurrences(of: "_", with: " ") }

        c.add(MeasureID(.contactsReceived), "Contacts received (a year)", unit: .contactsAYear) { $0.perYear($0.received) }
        c.add(MeasureID(.contactsDecided), "Contacts decided (a year)", unit: .contactsAYear) { $0.perYear($0.decided) }
        for (index, source) in design.demand.sources.enumerated() {
            c.add(MeasureID.source(source.group.name).share, "Share of contacts from \(words(source.group.name))", unit: .fraction) {
                share($0.receivedBySource[index], of: $0.received)
            }
        }
        // Timeliness counts every contact received in the measured period whose deadline falls
        // inside the run: one not decided by its deadline is late, decided later or never.
        c.add(
            MeasureID(.decidedWithin1WorkingDay),
            "Share of contacts decided within 1 working day of arriving (undecided ones count as late)",
            unit: .fraction
        ) { share($0.decidedWithin1, of: $0.dueWithin1) }
        c.add(
            MeasureID(.decidedWithin3WorkingDays),
            "Share of contacts decided within 3 working days of arriving (undecided ones count as late)",
            unit: .fraction
        ) { share($0.decidedWithin3, of: $0.dueWithin3) }
        c.add(
            MeasureID(.redDecidedWithin4WorkingHours),
            "Share of red contacts decided within 4 working hours of arriving (undecided ones count as late)",
            unit: .fraction
        ) { share($0.within4HoursByRAG[RAG.red.rawValue], of: $0.dueWithin4HoursByRAG[RAG.red.rawValue]) }
        c.add(MeasureID(.contactsUndecidedAtEnd), "Contacts received in the measured period still undecided at its end", unit: .contacts) {
            Double($0.measuredUndecidedAtEnd)
        }
        c.add(MeasureID(.timeToDecisionP50), "Working days to a decision: half of contacts are decided within", unit: .workingDays) {
            $0.timeToDecision.quantile(0.5) ?? 0
        }
        c.add(MeasureID(.timeToDecisionP90), "Working days to a decision: 90% of contacts are decided within", unit: .workingDays) {
            $0.timeToDecision.quantile(0.9) ?? 0
        }
        c.add(MeasureID(.backlogMean), "Contacts waiting for a decision at close of day, on average", unit: .contacts) { $0.backlog.mean }
        c.add(MeasureID(.backlogP95), "Contacts waiting for a decision at close of day, on the busiest 1 day in 20", unit: .contacts) {
            $0.backlogHistogram.quantile(0.95) ?? 0
        }
        c.add(MeasureID(.backlogMax), "Contacts waiting for a decision at close of day, at most", unit: .contacts) { Double($0.backlogMax) }
        c.add(
            MeasureID(.backlogGrowthPerDay), "Change in the backlog per working day (above 0: the front door is falling behind)",
            unit: .contactsADay
        ) { backlogGrowth($0) }
        c.add(
            MeasureID(.backlogGrowthWorkingDaysAYear),
            "Growth of the backlog in a year, in working days' decisions (above 1 with confidence: the front door is falling behind)",
            unit: .workingDays
        ) { backlogGrowthInDaysOfWork($0) }
        c.add(MeasureID(.runsOverloaded), "Share of replications stopped early with over 200,000 contacts waiting", unit: .fraction) {
            $0.stoppedOverloaded ? 1 : 0
        }
        c.add(
            MeasureID(.conversionReferral), "Share of decisions that were referrals for assessment (strategy discussions included)",
            unit: .fraction
        ) { share($0.outcomes[Outcome.referral.rawValue] + $0.outcomes[Outcome.strategyDiscussion.rawValue], of: $0.decided) }
        c.add(MeasureID(.conversionEarlyHelp), "Share of decisions that were early help", unit: .fraction) {
            share($0.outcomes[Outcome.earlyHelp.rawValue], of: $0.decided)
        }
        c.add(MeasureID(.conversionNoFurtherAction), "Share of decisions that were no further action or advice", unit: .fraction) {
            share($0.outcomes[Outcome.noFurtherAction.rawValue], of: $0.decided)
        }
        c.add(MeasureID(.conversionStrategy), "Share of decisions that were strategy discussions", unit: .fraction) {
            share($0.outcomes[Outcome.strategyDiscussion.rawValue], of: $0.decided)
        }
        // Managers' load only: practitioners' own decisions are counted team by team below.
        if design.teams.contains(where: { $0.decisionRole == .oversees }) {
            c.add(
                MeasureID(.decisionsPerManagerDayMean), "Decisions made or signed off per manager per working day, on average",
                unit: .decisions
            ) {
                $0.managerDays.mean
            }
            c.add(
                MeasureID(.decisionsPerManagerDayP95),
                "Decisions made or signed off per manager per working day, on the busiest 1 day in 20",
                unit: .decisions
            ) { $0.managerDayHistogram.quantile(0.95) ?? 0 }
            c.add(
                MeasureID(.decisionsPerManagerDayMax), "Decisions made or signed off per manager per working day, at most", unit: .decisions
            ) {
                Double($0.managerDayMax)
            }
        }
        // Everyone who decides, so that designs compare: a CADS whose practitioners decide in the
        // call carries its load there, not with its managers. The emergency duty team decides
        // out of hours only, beside the front door, and is left out.
        let deciders = design.decidingTeams.filter { team in
            design.stages.contains { $0.decides && !$0.outOfHoursOnly && ($0.team == team || $0.coverTeam == team) }
        }.sorted()
        c.add(
            MeasureID(.decisionsPerDeciderDayMean),
            "Decisions made or signed off per decision-maker per working day, on average: everyone who "
                + "decides (practitioners who decide without sign-off as well as managers; the emergency duty team apart)", unit: .decisions
        ) { run in
            let days = deciders.reduce(0) { $0 + run.teamDecisionDays[$1] }
            return days > 0 ? Double(deciders.reduce(0) { $0 + run.teamDecisions[$1] }) / Double(days) : 0
        }
        c.add(
            MeasureID(.decisionsAtFullFatigue), "Share of decisions made with fatigue at its full effect (late in a sitting)",
            unit: .fraction
        ) {
            share($0.decisionsAtFullFatigue, of: $0.decided)
        }
        c.add(MeasureID(.decisionsChangedByFatigue), "Decisions changed by fatigue (a year)", unit: .decisionsAYear) {
            $0.perYear($0.decisionsChangedByFatigue)
        }
        c.add(MeasureID(.handoffsPerContact), "Moves between teams per contact", unit: .handoffs) { share($0.handoffs, of: $0.received) }
        c.add(MeasureID(.informationRequests), "Requests for missing information (a year)", unit: .requestsAYear) {
            $0.perYear($0.informationRequests)
        }
        c.add(
            MeasureID(.slowContacts), "Contacts a year that waited for consent, a call-back or a partner's information",
            unit: .contactsAYear
        ) {
            $0.perYear($0.slowWaits)
        }
        if design.demand.sources.contains(where: { $0.batches != nil }) {
            c.add(
                MeasureID(.batchedContacts), "Contacts a year a source sent in a batch after the incident, rather than as it happened",
                unit: .contactsAYear
            ) { $0.perYear($0.batched) }
            c.add(
                MeasureID(.batchDelayHours),
                "Hours from the incident to the front door receiving it, for contacts sent in a batch, on average",
                unit: .hours
            ) { $0.batched > 0 ? $0.batchDelayHours / Double($0.batched) : 0 }
        }
        // Only a design with a phone line has callers to lose.
        if design.stages.contains(where: { $0.phone != nil }) {
            c.add(MeasureID(.phoneAbandonedShare), "Share of calls where the caller gave up waiting", unit: .fraction) {
                share($0.phoneAbandoned, of: $0.phoneAttempts)
            }
            c.add(MeasureID(.phoneCallersLost), "Callers who gave up and did not ring again (a year)", unit: .contactsAYear) {
                $0.perYear($0.lostCallers)
            }
        }
        c.add(MeasureID(.checksOutOfTime), "Partner checks not started within their RAG clock (a year)", unit: .checksAYear) {
            $0.perYear($0.checksOutOfTime)
        }
        c.add(MeasureID(.assessmentsStarted), "Social work assessments started (a year)", unit: .assessmentsAYear) {
            $0.perYear($0.assessmentsStarted)
        }
        c.add(MeasureID(.assessmentsNoFurtherService), "Assessments ending with no further service (a year)", unit: .assessmentsAYear) {
            $0.perYear($0.assessmentsNoFurtherService)
        }
        c.add(
            MeasureID(.recontacts), "Contacts a year about children coming back within 12 months of an earlier contact's decision",
            unit: .contactsAYear
        ) { $0.perYear($0.recontacts) }
        if design.demand.openCaseShare > 0 {
            c.add(
                MeasureID(.contactsOpenCase),
                "Contacts a year about a child whose case is open, passed to the allocated worker with no decision",
                unit: .contactsAYear
            ) { $0.perYear($0.passedToAllocatedWorker) }
        }
        // Counted per child, as the children in need census counts referrals.
        c.add(
            MeasureID(.childrenInContacts), "Children in the contacts received (a year; a sibling group counts each child)",
            unit: .childrenAYear
        ) {
            $0.perYear($0.childrenInContacts)
        }
        c.add(
            MeasureID(.childrenReferred), "Children referred for assessment, strategy discussions included (a year)", unit: .childrenAYear
        ) {
            $0.perYear($0.childrenReferred)
        }
        c.add(
            MeasureID(.childrenReferredShare),
            "Share of the children in contacts received who were referred (contact to referral, per child)",
            unit: .fraction
        ) { share($0.childrenReferred, of: $0.childrenInContacts) }
        if let population = design.demand.childPopulation {
            c.add(
                MeasureID(.childrenInContactsPer10000), "Children in contacts a year per 10,000 children living in the area",
                unit: .perTenThousand
            ) {
                $0.perYear($0.childrenInContacts) / population * 10_000
            }
            c.add(
                MeasureID(.childrenReferredPer10000), "Children referred a year per 10,000 children living in the area",
                unit: .perTenThousand
            ) {
                $0.perYear($0.childrenReferred) / population * 10_000
            }
        }
        c.add(MeasureID(.childrenAssessed), "Children whose social work assessment started (a year)", unit: .childrenAYear) {
            $0.perYear($0.childrenAssessed)
        }
        c.add(
            MeasureID(.rereferralRate), "Share of children referred who had been referred in the 12 months before (re-referrals)",
            unit: .fraction
        ) {
            share($0.childrenRereferred, of: $0.childrenReferred)
        }
        c.add(
            MeasureID(.referralsEndingNoFurtherAction),
            "Share of children referred whose referral ended with no further action (no assessment)",
            unit: .fraction
        ) { share($0.childrenReferred - $0.childrenAssessed, of: $0.childrenReferred) }
        c.add(
            MeasureID(.referralsAssessedNotInNeed),
            "Share of children referred who were assessed and found not in need (no further service)",
            unit: .fraction
        ) { share($0.childrenAssessedNotInNeed, of: $0.childrenReferred) }
        if design.decisionQuality != nil {
            c.add(
                MeasureID(.childrenNeedMissed),
                "Children in need (or needing protection) whose contact was closed at the front door: missed needs (a year)",
                unit: .childrenAYear
            ) { $0.perYear($0.childrenNeedMissed) }
            c.add(
                MeasureID(.childrenNeedMissedShare), "Share of the children in need decided on whose contact was closed (missed needs)",
                unit: .fraction
            ) { share($0.childrenNeedMissed, of: $0.childrenWithNeed) }
            c.add(
                MeasureID(.assessmentsUnnecessary),
                "Children assessed who were not in need: assessments the front door need not have asked for (a year)",
                unit: .childrenAYear
            ) { $0.perYear($0.childrenAssessedUnnecessarily) }
            c.add(
                MeasureID(.assessmentsNotInNeedShare),
                "Share of the children assessed who were not in need (the assessment ends with no further service)", unit: .fraction
            ) { share($0.childrenAssessedNotInNeed, of: $0.childrenAssessed) }
            c.add(
                MeasureID(.decisionsRightShare),
                "Share of decisions matching the child's real need (no further action, early help, referral or strategy discussion)",
                unit: .fraction
            ) { share($0.decisionsRight, of: $0.decided) }
        }
        c.add(
            MeasureID(.s47PerHundredReferrals), "Section 47 enquiries (strategy discussions) per 100 children referred", unit: .perHundred
        ) {
            100 * share($0.childrenInStrategyDiscussions, of: $0.childrenReferred)
        }
        c.add(MeasureID(.strategyDiscussions), "Strategy discussions, each opening a section 47 enquiry (a year)", unit: .decisionsAYear) {
            $0.perYear($0.outcomes[Outcome.strategyDiscussion.rawValue])
        }
        c.add(MeasureID(.earlyHelpDecisions), "Decisions for early help (a year)", unit: .decisionsAYear) {
            $0.perYear($0.outcomes[Outcome.earlyHelp.rawValue])
        }
        if let rule = design.strategyDiscussion {
            let days = rule.withinWorkingDays == 1 ? "1 working day" : "\(rule.withinWorkingDays.formatted()) working days"
            c.add(
                MeasureID(.discussionsOnTime),
                "Share of strategy discussions held within \(days) of the decision to hold one "
                    + "(not held by then counts as late)", unit: .fraction
            ) { share($0.discussionsOnTime, of: $0.discussionsDue) }
            c.add(MeasureID(.discussionWaitHours), "Average wait for a strategy discussion after the decision to hold one", unit: .hours) {
                $0.discussionsHeld > 0 ? $0.discussionWaitHours / Double($0.discussionsHeld) : 0
            }
        }
        c.add(
            MeasureID(.staffCost), "Staff cost a year at \(prices) prices: salaries, extended-hours enhancements and on-costs",
            unit: .poundsAYear
        ) { _ in
            costs.staff
        }
        c.add(
            MeasureID(.agencyCost), "Agency premium a year at \(prices) prices, for vacant posts covered by agency staff",
            unit: .poundsAYear
        ) { _ in
            costs.agency
        }
        if !coverRates.isEmpty {
            c.add(
                MeasureID(.informalCoverCost),
                "Informal cover a year at \(prices) prices: the hours people from outside the front door spent "
                    + "covering its work, at their grade's hourly cost", unit: .poundsAYear
            ) { byTheHour(coverRates, $0) }
        }
        if !sharedRates.isEmpty {
            c.add(
                MeasureID(.sharedServicesCost),
                "Shared council services a year at \(prices) prices: the hours the council's services that also do "
                    + "other work (such as the emergency duty team) spent on the front door's contacts, at their grade's hourly cost",
                unit: .poundsAYear
            ) { byTheHour(sharedRates, $0) }
        }
        c.add(MeasureID(.oneOffCost), "One-off cost of the change at \(prices) prices", unit: .pounds) { _ in oneOff }
        c.add(
            MeasureID(.downstreamCost),
            "Notional cost a year at \(prices) prices of the assessments, section 47 enquiries and early help that follow: "
                + "capacity used elsewhere, not cash", unit: .poundsAYear, downstream)
        let cover = (coverRates.isEmpty ? "" : ", informal cover") + (sharedRates.isEmpty ? "" : ", shared council services' hours")
        // Cash is never summed with notional cost: the downstream cost is its own measure.
        c.add(
            MeasureID(.cashCost),
            "Cash a year at \(prices) prices: staff pay, enhancements and on-costs, agency premium\(cover) "
                + "(the notional downstream cost is not in it)", unit: .poundsAYear, cash)
        if costs.teams.contains(where: \.paidByPartners) {
            c.add(
                MeasureID(.partnersTimeCost),
                "Partners' time a year at \(prices) prices: the posts police, health and education pay for "
                    + "(not the council's budget)", unit: .poundsAYear
            ) { _ in costs.partners }
        }
        c.add(
            MeasureID(.staffCostPerContact), "Front-door staff and agency cost\(cover) per contact received, at \(prices) prices",
            unit: .pounds
        ) {
            $0.received > 0 ? cash($0) / $0.perYear($0.received) : 0
        }
        for (index, source) in design.demand.sources.enumerated() {
            c.add(
                MeasureID.source(source.group.name).referralConversion,
                "Share of decisions on contacts from \(words(source.group.name)) that were referrals", unit: .fraction
            ) {
                share($0.referredBySource[index], of: $0.decidedBySource[index])
            }
        }
        for (index, team) in design.teams.enumerated() {
            // Reds worked to completion can run past the end of a shift; that overtime is not in
            // the hours at work, so the share is capped at all of them.
            c.add(MeasureID.team(team.id).utilisation, "Share of \(team.role) time at work spent on contacts", unit: .fraction) {
                $0.teamAvailableHours[index] > 0 ? min(1, $0.teamBusyHours[index] / $0.teamAvailableHours[index]) : 0
            }
        }
        for (index, team) in design.teams.enumerated() {
            let fte = team.workedPosts.reduce(0, +)
            c.add(
                MeasureID.team(team.id).contactHoursPerFTE,
                "Hours a year a full-time \(team.role) has for contacts, after leave, sickness, training, breaks and other duties",
                unit: .hours
            ) {
                fte > 0 ? $0.perYear($0.teamAvailableHours[index]) / fte : 0
            }
        }
        let deciding = design.decidingTeams
        for (index, team) in design.teams.enumerated() where deciding.contains(index) {
            let verb = team.decisionRole == .oversees ? "made or signed off" : "made"
            c.add(
                MeasureID.team(team.id).decisionsPerPersonDay, "Decisions \(verb) per \(team.role) per working day, on average",
                unit: .decisions
            ) {
                $0.teamDecisionDays[index] > 0 ? Double($0.teamDecisions[index]) / Double($0.teamDecisionDays[index]) : 0
            }
        }
        for (index, stage) in design.stages.enumerated() {
            c.add(MeasureID.stage(stage.id).meanWaitHours, "Average wait before \(words(stage.id)) starts", unit: .hours) {
                $0.stageCompleted[index] > 0 ? $0.stageWaitHours[index] / Double($0.stageCompleted[index]) : 0
            }
        }
        // Where the time to a decision goes, per contact decided: each stage's queue and work
        // (work paused between shifts included), and the waits between steps.
        @Sendable func perDecided(_ run: FrontDoorReplication, _ hours: Double) -> Double {
            run.decided > 0 ? hours / Double(run.decided) : 0
        }
        for (index, stage) in design.stages.enumerated() {
            c.add(
                MeasureID.stage(stage.id).waitHoursPerContact,
                "Hours a contact waits for the \(words(stage.id)) step to start, per contact decided",
                unit: .hours
            ) { perDecided($0, $0.stageWaitHours[index]) }
            c.add(
                MeasureID.stage(stage.id).workHoursPerContact, "Hours from the start to the end of \(words(stage.id)), per contact decided",
                unit: .hours
            ) { perDecided($0, $0.stageWorkElapsedHours[index]) }
        }
        c.add(
            MeasureID(.handoffHoursPerContact), "Hours waiting for a handoff between teams to be picked up, per contact decided",
            unit: .hours
        ) {
            perDecided($0, $0.handoffDelayHours)
        }
        c.add(
            MeasureID(.informationHoursPerContact), "Hours waiting for missing information from the referrer, per contact decided",
            unit: .hours
        ) {
            perDecided($0, $0.informationDelayHours)
        }
        c.add(
            MeasureID(.slowHoursPerContact), "Hours waiting for consent, a call-back or a partner's information, per contact decided",
            unit: .hours
        ) { perDecided($0, $0.slowDelayHours) }
        return c
    }

}

extension FrontDoorReplication {
    /// A count over the measured period, as a rate a year.
    func perYear(_ count: Int) -> Double { perYear(Double(count)) }
    /// An amount over the measured period (such as hours), as a rate a year.
    func perYear(_ amount: Double) -> Double { amount / (max(measuredHours, 1) / (365 * 24)) }
}

extension PreparedDesign {
    /// Every measure of the design, each defined once, computed from a replication's record.
    public var measureCatalogue: MeasureCatalogue<FrontDoorReplication> { FrontDoorMeasures.catalogue(self) }
}
