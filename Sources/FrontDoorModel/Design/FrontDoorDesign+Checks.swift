import SimulationEngine

extension FrontDoorDesign {
    /// Checks what a replication relies on and the types cannot say: that every index names a
    /// team, every table has a value for each rating, channel, source group and outcome, every
    /// share is a probability, every pathway ends in a decision, and the teams' working days
    /// and the fatigue ramp are within their ranges.
    /// - Throws: ``DesignError`` for the first part found at fault.
    func check() throws(DesignError) {
        let ratings = RAG.allCases.count, channels = Channel.allCases.count, groups = SourceGroup.allCases.count
        let outcomeCount = Outcome.allCases.count
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DesignError) {
            if !condition { throw DesignError(message()) }
        }
        func isProbability(_ value: Double) -> Bool { value >= 0 && value <= 1 }
        func isFactor(_ value: Double) -> Bool { value.isFinite && value >= 0 }

        try require(!teams.isEmpty, "a design needs at least one team")
        for team in teams {
            let name = "team '\(team.id)'"
            try require(team.people.allSatisfy { $0 > 0 && $0 <= 1 }, "\(name): each post is 0 to 1 FTE, not 0")
            try require((1...24).contains(team.hoursPerDay), "\(name): a working day of 1 to 24 hours")
            try require(isFactor(team.breakHours) && team.breakHours < 24, "\(name): a break of 0 to 24 hours")
            try require((0...0.9).contains(team.otherDutiesShare), "\(name): other duties take at most 0.9 of the day")
            try require(isProbability(team.lateShiftShare) && isProbability(team.agencyCover), "\(name): shares from 0 to 1")
            switch team.vacancies {
            case .posts(let count): try require(count >= 0, "\(name): vacancies of 0 posts or more")
            case .rate(let rate): try require(isProbability(rate), "\(name): a vacancy rate from 0 to 1")
            }
            let away = team.absence
            try require(
                [away.leaveDays, away.trainingDays].allSatisfy(isFactor) && isProbability(away.sicknessRate)
                    && away.sicknessSpellDays.isFinite && away.sicknessSpellDays >= 1,
                "\(name): leave and training of 0 days or more, sickness from 0 to 1, spells of a day or more")
            if case .sharedService(let hours) = team.costing {
                try require(hours.isFinite && hours > 0, "\(name): a shared service's full-time week of more than 0 hours")
            }
        }

        try require(!stages.isEmpty, "a design needs at least one stage")
        for stage in stages {
            let name = "stage '\(stage.id)'"
            try require(teams.indices.contains(stage.team), "\(name): its team is not one of the design's")
            try require(stage.coverTeam.map(teams.indices.contains) ?? true, "\(name): its cover team is not one of the design's")
            try require(
                stage.ragFactors.count == ratings && stage.appliesTo.count == ratings && stage.channelFactors.count == channels
                    && stage.sources.count == groups,
                "\(name): a factor for each of \(ratings) ratings and \(channels) channels, and a yes or no for each of \(groups) source groups"
            )
            try require(
                (stage.ragFactors + stage.channelFactors + [stage.referralFactor]).allSatisfy(isFactor)
                    && stage.appliesTo.allSatisfy(isProbability),
                "\(name): factors of 0 or more, and shares from 0 to 1")
            if case .checks(let clock) = stage.kind {
                try require(
                    clock.count == ratings && clock.allSatisfy { $0 >= 0 }, "\(name): a clock of 0 hours or more (or none) for each rating")
            }
            if let phone = stage.phone {
                try require(
                    phone.channels.count == channels && isProbability(phone.callBackProbability),
                    "\(name): a yes or no for each channel, and a call-back chance from 0 to 1")
            }
            if let own = stage.outcomes {
                try require(
                    own.count == ratings && own.allSatisfy { $0.count == outcomeCount }, "\(name): an outcome table for each rating")
            }
            if let conversation = stage.conversation {
                try require(
                    stage.decides && stage.phone != nil && decisionQuality != nil,
                    "\(name): a conversation is held on a phone line that decides, in a design that models each child's real need")
                try require(
                    isProbability(conversation.findsLessNeed) && isProbability(conversation.losesNeed),
                    "\(name): a conversation's chances are from 0 to 1")
            }
            if let task = stage.task { try require(task.scale.count == ratings && task.scale.allSatisfy { $0 > 0 }, "\(name): task scale") }
        }
        if let last = stages.last {
            try require(
                last.decides && last.appliesTo.allSatisfy { $0 >= 1 } && last.sources.allSatisfy { $0 } && !last.outOfHoursOnly,
                "the last stage must decide on every contact, so that no contact leaves undecided")
        }

        let tables = [outcomes.byRAG] + outcomes.bySourceGroup.compactMap { $0 }
        try require(
            outcomes.bySourceGroup.count == groups
                && tables.allSatisfy { $0.count == ratings && $0.allSatisfy { $0.count == outcomeCount } },
            "the outcomes: a table of \(outcomeCount) outcomes for each rating, and for each of \(groups) source groups at most one")
        try require(
            outcomes.referralFactorByChannel.count == channels && outcomes.referralFactorByChannel.allSatisfy(isFactor),
            "the outcomes: a referral factor of 0 or more for each channel")
        try require(
            [
                outcomes.assessmentStart, outcomes.assessmentNoFurtherService, outcomes.recontact, outcomes.recontactAfterWrongDecision,
                outcomes.returnAfterReferral.closed, outcomes.returnAfterReferral.served, flow.handoffInformationLoss
            ].allSatisfy(isProbability),
            "the outcomes' and the flow's chances are from 0 to 1")
        try require(
            flow.slowShare.count == ratings && flow.slowShare.allSatisfy(isProbability) && flow.immediate.count == ratings,
            "the flow: a share from 0 to 1 and an immediate path or not for each rating")

        if let fatigue {
            try require(
                isFactor(fatigue.defaultIncrease) && isFactor(fatigue.timeIncrease) && fatigue.rampDecisions >= 1,
                "fatigue: increases of 0 or more and a ramp of at least 1 decision")
        }
        if let quality = decisionQuality {
            let needs = Need.allCases.count
            let tables = [quality.needByRAG] + quality.needBySourceGroup.compactMap { $0 }
            try require(
                quality.needBySourceGroup.count == groups
                    && tables.allSatisfy { $0.count == ratings && $0.allSatisfy { $0.count == needs && $0.allSatisfy(isProbability) } },
                "decision quality: a share of each of \(needs) needs for each rating, and for each of \(groups) source groups at most one table"
            )
            let factors = quality.noiseFactors
            try require(
                [quality.noise, factors.conversation, factors.partnerChecks, factors.missingInformation].allSatisfy(isFactor)
                    && isProbability(quality.missedNeedReturn) && isProbability(quality.missedNeedEscalation)
                    && isProbability(quality.notInNeedClosedBeforeAssessment),
                "decision quality: noise and its factors of 0 or more, and chances from 0 to 1")
        }
        if let discussion = strategyDiscussion {
            try require(
                !discussion.participants.isEmpty && discussion.withinWorkingDays > 0,
                "a strategy discussion needs someone to meet, and a time to be held within of more than 0 working days")
            for participant in discussion.participants {
                try require(
                    teams.indices.contains(participant.team) && participant.people >= 1,
                    "a strategy discussion's participants are at least one person from one of the design's teams")
            }
        }

        try require(!demand.sources.isEmpty, "demand needs at least one source")
        try require(demand.contactsPerYear.isFinite && demand.contactsPerYear >= 0, "demand: contacts a year of 0 or more")
        try require(
            demand.monthWeights.count == 12 && demand.monthWeights.allSatisfy(isFactor) && isProbability(demand.openCaseShare)
                && demand.startingBacklog >= 0 && demand.trendPerYear.isFinite && demand.trendPerYear > -1,
            "demand: a weight for each month, an open-case share from 0 to 1, a starting backlog of 0 or more and a trend above −100%")
        for source in demand.sources {
            try require(
                source.weekdayWeights.count == 7 && (source.monthWeights?.count ?? 12) == 12 && source.channels.count == channels
                    && source.rag.count == ratings && source.hourWeights.count == 24,
                "demand: a source's weights for each weekday, month, channel, rating and hour")
            try require(
                (source.weekdayWeights + (source.monthWeights ?? []) + [source.share, source.schoolHolidayFactor]
                    + source.peaks.map(\.factor))
                    .allSatisfy(isFactor) && isProbability(source.completeInformation),
                "demand: a source's weights and factors of 0 or more, and its complete-information share from 0 to 1")
            if let batches = source.batches {
                try require(
                    batches.channels.count == channels && batches.ratings.count == ratings && (0..<24).contains(batches.releaseHour),
                    "demand: a batch's channels and ratings, released at an hour of the day")
            }
        }
        for shock in demand.shocks {
            try require(
                (shock.ratings?.count ?? ratings) == ratings && (shock.channels?.count ?? channels) == channels
                    && shock.factors.values.allSatisfy(isFactor) && shock.firstDay <= shock.lastDay,
                "demand: change '\(shock.name)' needs factors of 0 or more, a yes or no for each rating and channel, and a first day before its last"
            )
        }
    }
}
