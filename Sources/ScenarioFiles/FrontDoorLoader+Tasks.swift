import FrontDoorModel
import SimulationEngine

/// The shared library of tasks (`tasks:`), and how a stage or a strategy discussion takes its
/// time from one: the same work takes the same time in every design unless a seed says otherwise.
extension FrontDoorLoader {
    /// A task's time as the library gives it.
    struct TaskTime {
        var time: Distribution
        var channelFactors: [Double]
        var ragFactors: [Double]
    }

    static let taskKeys = ["minutes", "hours", "channel_factors", "rag_factors"]

    /// `tasks: {screen_contact: {minutes: {…}, rag_factors: {…}}, …}`.
    static func readTasks(_ value: YAMLValue?) throws(ScenarioError) -> [String: TaskTime] {
        guard let value else { return [:] }
        var tasks: [String: TaskTime] = [:]
        for (name, entry) in try value.mapping().entries {
            let task = try entry.mapping(allowed: taskKeys)
            tasks[name] = try readTime(task, what: "how long the task takes")
        }
        return tasks
    }

    /// `minutes` or `hours`, with any `channel_factors` and `rag_factors`, from a mapping.
    static func readTime(_ map: YAMLMapping, what: String) throws(ScenarioError) -> TaskTime {
        let time = try map.oneOf(["minutes", "hours"], what)
        let positive = { (v: YAMLValue) throws(ScenarioError) -> Double in
            try v.number("a factor above 0", atMost: Limits.timeFactor, "times as long") { $0 > 0 }
        }
        return TaskTime(
            time: try ScenarioLoader.readDistribution(time.value, hoursPerUnit: time.key == "minutes" ? 1.0 / 60 : 1),
            channelFactors: try factors(map["channel_factors"], names: Channel.allCases.map(\.name), fallback: 1, read: positive),
            ragFactors: try factors(map["rag_factors"], names: RAG.allCases.map(\.name), fallback: 1, read: positive))
    }

    /// The time of a stage or discussion and where it came from: from `task` (with any
    /// `task_scale` and its reason), or its own `minutes` or `hours` (no task), never both.
    static func readTiming(_ map: YAMLMapping, tasks: [String: TaskTime], what: String) throws(ScenarioError) -> (
        TaskTime, task: TaskReference?
    ) {
        guard let taskValue = map["task"] else {
            if let scale = map["task_scale"] { throw scale.error("task_scale scales a shared task's time: name the task with 'task'") }
            return (try readTime(map, what: what + ", or the shared task it does ('task')"), nil)
        }
        let name = try taskValue.string()
        guard let task = tasks[name] else {
            let names = tasks.keys.sorted()
            throw taskValue.error(
                names.isEmpty
                    ? "no task is called '\(name)': the scenario has no shared tasks (a root key 'tasks', as in Scenarios/shared/tasks.yaml)"
                    : "no task is called '\(name)'; expected one of \(names.joined(separator: ", "))" + suggestion(for: name, among: names))
        }
        for key in taskKeys {
            if let own = map[key] {
                throw own.error(
                    "the time of task '\(name)' comes from the shared library, so that the same work takes the same time in every design; "
                        + "remove '\(key)', or scale the task with task_scale and the reason from the seed")
            }
        }
        var scale = Array(repeating: 1.0, count: RAG.allCases.count)
        var reason: String?
        if let scaleValue = map["task_scale"] {
            let s = try scaleValue.mapping(allowed: ["factor", "rag_factors", "why"])
            let by = try s.oneOf(["factor", "rag_factors"], "how much longer (above 1) or shorter (below 1) the task takes here")
            let factor = { (v: YAMLValue) throws(ScenarioError) -> Double in
                try v.number("a factor above 0", atMost: Limits.timeFactor, "times as long") { $0 > 0 }
            }
            scale =
                by.key == "factor"
                ? Array(repeating: try factor(by.value), count: RAG.allCases.count)
                : try factors(by.value, names: RAG.allCases.map(\.name), fallback: 1, read: factor)
            let why = try s.required("why", "the reason, from the design's seed, that the same task takes a different time here").string()
            guard why.contains(where: { !$0.isWhitespace }) else {
                throw scaleValue.error("'why' must say why this design's time differs from the shared task's, from its seed")
            }
            reason = why
        }
        return (
            TaskTime(time: task.time, channelFactors: task.channelFactors, ragFactors: zip(task.ragFactors, scale).map { $0 * $1 }),
            TaskReference(name: name, scale: scale, reason: reason)
        )
    }
}
