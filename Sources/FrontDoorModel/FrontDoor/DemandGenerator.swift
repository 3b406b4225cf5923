import Foundation
import SimulationEngine

/// Turns a ``Demand`` into contacts, one day at a time, so that only a day's arrivals are held.
///
/// The expected count for a source on a day is its share of the annual volume, spread over the
/// year by weekday, month (the source's own or the shared), school-holiday weights and yearly
/// peaks (normalised over the first 365 days so that the annual volume is what the scenario
/// says), then grown by the trend and changed by any shock.
/// A day-to-day multiplier shared by all sources (gamma, mean 1) makes daily volumes vary more
/// than Poisson; the count is then Poisson, and each contact's hour follows the source's profile.
struct DemandGenerator {
    struct Arrival {
        // Fields are laid out widest first, so that a record takes 96 bytes rather than 128
        // (the four draws are a 32-byte vector that would otherwise leave gaps before it): the
        // records of the contacts in flight stay in cache at scale. The two draws kept in single
        // precision are compared with shares or blurred by noise, where 7 digits are plenty.

        /// Uniform draws that fix what follows the decision — whether an assessment starts,
        /// whether it ends with no further service, whether the child comes back — so that
        /// these too agree between designs wherever their rules do.
        var followUp: SIMD4<Double>
        /// When the front door receives it.
        var time: Double
        /// When it happened: earlier than `time` for a contact its source sends in a batch.
        var incidentTime: Double
        /// A uniform draw that fixes the contact's outcome for a given design (common random
        /// numbers: the same child gets the same decision wherever the rules agree).
        var need: Double
        /// A uniform draw that fixes whether the contact is one of the slow ones that wait for
        /// consent, a call-back or a partner's information (the same child in every design).
        var slow: Float
        /// A standard normal draw: the noise in what a decider sees of the child's need, in
        /// designs that model the quality of decisions (0 where they do not).
        var perception: Float = 0
        /// When the child was last referred (hours from the start); -∞ for never in the run.
        var lastReferral = -Double.infinity
        var source: Int
        /// How many children it is about (a sibling group counts each child).
        var children: Int
        var channel: Channel
        var rag: RAG
        /// The child's real need, in designs that model the quality of decisions.
        var realNeed = Need.none
        var complete: Bool
        /// About a child whose case is open: recorded and passed to the allocated worker, with no
        /// decision.
        var openCase = false
        /// A child coming back after an earlier contact was closed. Kept in the record's spare
        /// bytes, so that the contacts held for a later day take 96 bytes each, not 128 (a
        /// separate flag beside the record would be padded to the vector's 32-byte alignment).
        var isRecontact = false

        init(
            time: Double, incidentTime: Double, source: Int, channel: Channel, rag: RAG, complete: Bool, need: Double,
            followUp: SIMD4<Double>, slow: Float = 1, children: Int = 1
        ) {
            self.followUp = followUp
            self.time = time
            self.incidentTime = incidentTime
            self.need = need
            self.slow = slow
            self.source = source
            self.children = children
            self.channel = channel
            self.rag = rag
            self.complete = complete
        }
    }

    let demand: Demand
    let calendar: ServiceCalendar
    /// Expected contacts per unit of daily weight, per source.
    let scale: [Double]
    let hours: [Categorical]
    let channels: [Categorical]
    let rags: [Categorical]
    let dayMultiplier: Distribution?
    /// Children per contact, when some contacts are about more than one (nil: one each).
    let children: Categorical?
    /// Whether a change in demand applies to some ratings or channels only.
    let hasLimitedChanges: Bool

    /// Which source each contact waiting at the start comes from.
    let sourceChoice: Categorical
    /// Each contact's real need, where the design models the quality of decisions.
    let needChoice: NeedChoice?

    /// Contacts of `demand` on `calendar`, with the children per contact and the starting
    /// backlog's sources chosen by `children` and `sources`.
    init(demand: Demand, calendar: ServiceCalendar, children: Categorical?, sources: Categorical, need: NeedChoice? = nil) {
        self.demand = demand
        needChoice = need
        self.calendar = calendar
        scale = demand.sources.indices.map { index in
            let total = (0..<365).reduce(0.0) { $0 + DemandGenerator.weight(demand, calendar, source: index, day: $1) }
            return demand.contactsPerYear * demand.sources[index].share / total
        }
        // Each source prepared its choices when it was made.
        hours = demand.sources.map(\.hourChoice)
        channels = demand.sources.map(\.channelChoice)
        rags = demand.sources.map(\.ragChoice)
        dayMultiplier = demand.dayMultiplier
        self.children = children
        sourceChoice = sources
        hasLimitedChanges = demand.shocks.contains { !$0.isWholeSource }
    }

    /// The contacts of a prepared design.
    init(_ design: PreparedDesign) {
        self.init(
            demand: design.demand, calendar: design.calendar, children: design.childrenChoice, sources: design.sourceChoice,
            need: design.needChoice)
    }

    static func weight(_ demand: Demand, _ calendar: ServiceCalendar, source: Int, day: Int) -> Double {
        // Read in place rather than through a copy of the source, which would count a reference
        // to each of its tables: this runs for every source and day of every replication.
        let date = calendar.date(ofDay: day)
        let month = date.month - 1
        var w =
            demand.sources[source].weekdayWeights[calendar.weekday(ofDay: day)]
            * (demand.sources[source].monthWeights?[month] ?? demand.monthWeights[month])
        if calendar.isSchoolHoliday(day) { w *= demand.sources[source].schoolHolidayFactor }
        for k in demand.sources[source].peaks.indices where demand.sources[source].peaks[k].contains(date) {
            w *= demand.sources[source].peaks[k].factor
        }
        return w
    }

    /// The expected number of contacts from `source` on `day`, before the daily multiplier.
    func expected(source: Int, day: Int) -> Double {
        var value = scale[source] * Self.weight(demand, calendar, source: source, day: day)
        if demand.trendPerYear != 0 { value *= pow(1 + demand.trendPerYear, Double(day) / 365) }
        for shock in demand.shocks where shock.isWholeSource && day >= shock.firstDay && day <= shock.lastDay {
            value *= shock.factors[demand.sources[source].group] ?? 1
        }
        return value
    }

    /// Whether a change limited to some ratings or channels removes `arrival` on `day`, with a
    /// draw from `stream` for each such change that applies (so that the contacts kept, and
    /// every other stream, are those of the design without the change).
    func isRemoved(_ arrival: Arrival, onDay day: Int, using stream: RandomStream) -> Bool {
        for shock in demand.shocks where !shock.isWholeSource && day >= shock.firstDay && day <= shock.lastDay {
            guard let factor = shock.factors[demand.sources[arrival.source].group], shock.ratings?[arrival.rag.rawValue] ?? true,
                shock.channels?[arrival.channel.rawValue] ?? true
            else { continue }
            if stream.uniform() >= factor { return true }
        }
        return false
    }

    /// The day's contacts, drawn from `stream` (the arrivals stream), at most `limit` of them (a
    /// day beyond it belongs to a run that stops as overloaded), less those a change limited to
    /// some ratings or channels removes (drawn from `changes`, or `stream` when nil). With
    /// `perception`, each contact made — removed or not, so that the others keep theirs — draws
    /// the noise in what its decider will see from it.
    func contacts(
        onDay day: Int, using stream: RandomStream, limit: Int = .max, changes: RandomStream? = nil, perception: RandomStream? = nil
    ) -> [Arrival] {
        let multiplier = dayMultiplier?.sample(using: stream) ?? 1
        var arrivals: [Arrival] = []
        let means = demand.sources.indices.map { expected(source: $0, day: day) * multiplier }
        // Room for the day's expected contacts and a margin, so that a large front door's day is
        // not copied as it grows.
        arrivals.reserveCapacity(min(limit, Int(means.reduce(0, +) * 1.2) + 16))
        for source in demand.sources.indices {
            let count = min(stream.poisson(mean: means[source]), max(0, limit - arrivals.count))
            for _ in 0..<count {
                let hour = hours[source].sample(using: stream)
                var arrival = self.arrival(
                    source: source, at: Double(day) * 24 + Double(hour) + stream.uniform(), using: stream, perception: perception)
                // Only new contacts can be about a case already open.
                arrival.openCase = demand.openCaseShare > 0 && stream.uniform() < demand.openCaseShare
                if hasLimitedChanges && isRemoved(arrival, onDay: day, using: changes ?? stream) { continue }
                arrivals.append(arrival)
            }
        }
        return arrivals
    }

    /// When the front door receives `arrival`: later than it happened where its source sends
    /// contacts of its channel and rating in batches.
    func receipt(of arrival: Arrival) -> Double {
        guard let batches = demand.sources[arrival.source].batches, batches.channels[arrival.channel.rawValue],
            batches.ratings[arrival.rag.rawValue]
        else { return arrival.time }
        return batches.release(after: arrival.time, calendar: calendar)
    }

    /// The contacts waiting at the start, all arriving at time 0, with sources in proportion to
    /// their shares.
    func startingBacklog(using stream: RandomStream, perception: RandomStream? = nil) -> [Arrival] {
        guard demand.startingBacklog > 0 else { return [] }
        return (0..<demand.startingBacklog).map { _ in
            arrival(source: sourceChoice.sample(using: stream), at: 0, using: stream, perception: perception)
        }
    }

    /// A new contact from `source` at `time`, its channel, RAG rating and draws taken from
    /// `stream`; where the design models the quality of decisions, its real need, and with
    /// `perception` the noise in what its decider will see.
    func arrival(source: Int, at time: Double, using stream: RandomStream, perception: RandomStream? = nil) -> Arrival {
        var arrival = Arrival(
            time: time, incidentTime: time, source: source,
            channel: Channel.allCases[channels[source].sample(using: stream)],
            rag: RAG.allCases[rags[source].sample(using: stream)],
            complete: stream.uniform() < demand.sources[source].completeInformation,
            need: stream.uniform(),
            followUp: SIMD4(stream.uniform(), stream.uniform(), stream.uniform(), stream.uniform()),
            slow: Self.single(stream.uniform()),
            children: 1 + (children?.sample(using: stream) ?? 0))
        if let needChoice { arrival.realNeed = needChoice.need(source: source, rag: arrival.rag, draw: arrival.need) }
        if let perception { arrival.perception = Float(perception.gaussian()) }
        return arrival
    }

    /// A uniform draw on [0, 1) in single precision, still below 1.
    static func single(_ uniform: Double) -> Float { min(Float(uniform), Float(1).nextDown) }

    /// The same children coming back at `time` with the same concern — their source, RAG rating,
    /// hidden need and sibling group kept — by a channel, with information and draws for what
    /// follows taken afresh from `stream`.
    func returning(_ earlier: Arrival, at time: Double, lastReferral: Double, using stream: RandomStream) -> Arrival {
        var arrival = earlier
        arrival.time = time
        arrival.incidentTime = time
        arrival.channel = Channel.allCases[channels[earlier.source].sample(using: stream)]
        arrival.complete = stream.uniform() < demand.sources[earlier.source].completeInformation
        arrival.followUp = SIMD4(stream.uniform(), stream.uniform(), stream.uniform(), stream.uniform())
        arrival.slow = Self.single(stream.uniform())
        arrival.lastReferral = lastReferral
        arrival.isRecontact = true
        arrival.time = receipt(of: arrival)
        return arrival
    }
}
