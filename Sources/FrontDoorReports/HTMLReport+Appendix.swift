import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The appendix: the model run described to the STRESS-DES guidelines.
extension HTMLReport {
    static func stressDES(_ comparison: DesignComparison, manifest: RunManifest) -> String {
        let base = comparison.baseline
        let length = base.scenario.length
        var html =
            "<h3>1. Objectives</h3><p>To compare \(HTMLPage.escape(comparison.designs.map(\.scenario.name).joined(separator: ", "))) "
            + "on timeliness, backlog, decision load, outcomes and cost, on the same demand.</p>"
        html += "<h3>2. Logic</h3>"
        for design in comparison.designs {
            html +=
                "<p><strong>\(HTMLPage.escape(design.scenario.name))</strong>: \(HTMLPage.escape(design.scenario.summary.trimmingCharacters(in: .whitespacesAndNewlines)))</p>"
            if case .frontDoor(let frontDoor) = design.scenario.model {
                html +=
                    "<p class=\"pathway\">"
                    + frontDoor.stages.map { "\(HTMLPage.escape($0.id)) (\(HTMLPage.escape(frontDoor.teams[$0.team].id)))" }.joined(
                        separator: " → ") + "</p>"
            }
        }
        html +=
            "<p>Contacts arrive day by day from each source; each goes through the stages that apply to it, waiting in turn for people who are at work, "
            + "most urgent first; the decision draws its outcome from the design's rules. Time outside a person's hours does not progress their work.</p>"
        html +=
            "<h3>3. Data</h3><p>Demand, pay and outcome rules come from the seed reports and the domain evidence cited in the scenario files; "
            + "every other value is an assumption listed above.</p>"
        html +=
            "<h3>4. Experimentation</h3><ul>"
            + "<li>Run length: \(Int(length.horizonHours / 24)) days, of which the first \(Int(length.warmUpHours / 24)) are a warm-up left out of every measure.</li>"
            + "<li>\(base.replications) replications per design with base seed \(base.settings.seed); every design uses the same seeds (common random numbers), so differences are paired.</li>"
            + (WarmUpCheck(base).map { "<li>\(HTMLPage.escape($0.sentence))</li>" } ?? "")
            + (comparison.precision.map { "<li>\(HTMLPage.escape($0.sentence))</li>" } ?? "")
            + "<li>Intervals: 95% Student's t intervals across replications.</li></ul>"
        html +=
            "<h3>5. Implementation</h3><p>frontdoor \(HTMLPage.escape(manifest.version)), a discrete-event simulation in Swift; \(HTMLPage.escape(manifest.random_numbers)).</p>"
        html +=
            "<h3>6. Code and reproduction</h3><p>Command: <code>\(HTMLPage.escape(manifest.command_line.joined(separator: " ")))</code>. "
            + "The manifest (<code>manifest.json</code>) lists every scenario file with its SHA-256 hash.</p><ul class=\"files\">"
            + manifest.designs.flatMap { $0.files }.map {
                "<li><code>\(HTMLPage.escape($0.path))</code> <span class=\"hash\">\($0.sha256.prefix(16))…</span></li>"
            }.joined()
            + "</ul>"
        return html
    }
}
