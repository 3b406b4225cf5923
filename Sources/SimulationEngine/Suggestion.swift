/// " (did you mean 'x'?)" when a known word is within a small edit distance of `word`, for error
/// messages about mistyped names; "" when none is close.
///
/// ```swift
/// suggestion(for: "decided_within_3days", among: ["decided_within_3wd"])   // " (did you mean 'decided_within_3wd'?)"
/// ```
public func suggestion(for word: String, among candidates: [String]) -> String {
    let scored = candidates.map { (candidate: $0, distance: editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.distance < $1.distance }),
        best.distance <= max(2, best.candidate.count / 3)
    else { return "" }
    return " (did you mean '\(best.candidate)'?)"
}

/// Levenshtein distance between two strings.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
