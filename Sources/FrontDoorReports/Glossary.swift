/// The few words the report cannot do without, each said once in plain terms: the report's
/// closing section and the guide to reading it give the same list.
public enum Glossary {
    /// Each term and what it means, in the order a reader meets them.
    public static let terms: [(term: String, meaning: String)] = [
        (
            "replication",
            "one simulated run of the service over the same period with different chance events; figures are averages over them"
        ),
        ("95% interval", "the range in which the true figure lies, with 95% confidence, given the replications run"),
        ("too close to call", "the 95% interval spans the target, so the figure may meet it or miss it; more replications may settle it"),
        (
            "paired difference",
            "the difference between two designs run on the same contacts, replication by replication, so that it is the designs' and not chance's"
        ),
        ("working day", "Monday to Friday, bank holidays excepted; a working hour is an hour of the council's office day"),
        ("RAG rating", "red, amber or green: how urgent a contact is judged at the front door"),
        ("referral", "a contact passed to children's social care for an assessment; a re-referral is one within 12 months of another"),
        (
            "strategy discussion",
            "a meeting of social care, police and health when a child may be at risk of significant harm; it can lead to a section 47 enquiry"
        ),
        ("early help", "support from a family-support service without a social-care assessment"),
        ("busy", "the share of a team's working time on contacts spent working on them; above 85% queues grow quickly"),
        (
            "notional cost",
            "the value of time used in other teams (assessments, enquiries, early help): capacity, not cash, and never added to cash"
        ),
        ("warm-up", "the first part of a run, left out of every figure, while the simulated service fills up from empty"),
        ("MSER-5", "the standard test of whether the warm-up was long enough: it finds where the daily backlog stops settling")
    ]
}
