import FrontDoorModel

/// Whether a run's warm-up was long enough, by the MSER-5 rule (White, 1997) applied to the
/// backlog at the close of each working day, averaged across replications.
///
/// MSER-5 groups the series in batches of five, and finds the number of leading batches whose
/// removal gives the smallest standard error of the mean of what is left. If that truncation
/// point lies within the warm-up, the warm-up was long enough; otherwise it suggests a length.
public struct WarmUpCheck: Sendable {
    /// Working days in the warm-up.
    public let warmUpWorkingDays: Int
    /// The MSER-5 truncation point, in working days.
    public let truncationWorkingDays: Int
    /// Working days in the whole series.
    public let seriesWorkingDays: Int

    public var isLongEnough: Bool { truncationWorkingDays <= warmUpWorkingDays }

    /// A suggested warm-up in calendar days (five working days to seven days).
    public var suggestedDays: Int { (truncationWorkingDays * 7 + 4) / 5 }

    /// The check for a run, or nil when the scenario keeps no daily backlog (a plain network).
    public init?(_ result: ExperimentResult) {
        let series = result.outcomes.map(\.backlogSeries)
        guard let length = series.map(\.count).min(), length >= 10 else { return nil }
        let mean = (0..<length).map { index in series.reduce(0) { $0 + $1[index] } / Double(series.count) }
        warmUpWorkingDays = result.outcomes[0].warmUpObservations
        truncationWorkingDays = Self.mserTruncation(mean, batch: 5)
        seriesWorkingDays = length
    }

    /// The MSER truncation point of `series`, in observations, searched over the first half.
    public static func mserTruncation(_ series: [Double], batch: Int) -> Int {
        let batches = series.count / batch
        guard batches >= 2 else { return 0 }
        let means = (0..<batches).map { b in series[(b * batch)..<((b + 1) * batch)].reduce(0, +) / Double(batch) }
        var best = 0, bestScore = Double.infinity
        for d in 0...(batches / 2) {
            let rest = means[d...]
            let n = Double(rest.count)
            let average = rest.reduce(0, +) / n
            let score = rest.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n * n)
            if score < bestScore {
                bestScore = score
                best = d
            }
        }
        return best * batch
    }
}
