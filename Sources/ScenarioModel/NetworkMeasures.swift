import FrontDoorModel
import QueueingNetworkModel

/// The measures of a plain queueing network, each defined once.
enum NetworkMeasures {
    static func catalogue(stageIDs: [String]) -> MeasureCatalogue<NetworkReplication> {
        var c = MeasureCatalogue<NetworkReplication>()
        c.add(MeasureID(.contactsArrived), "Contacts that arrived", unit: .contacts) { Double($0.arrived) }
        c.add(MeasureID(.contactsCompleted), "Contacts that went all the way through", unit: .contacts) { Double($0.completed) }
        c.add(MeasureID(.contactsInSystemAtEnd), "Contacts still being worked on at the end", unit: .contacts) { Double($0.inNetworkAtEnd) }
        c.add(MeasureID(.meanInSystem), "Average number of contacts being worked on at any moment", unit: .contacts) { $0.meanInNetwork }
        c.add(MeasureID(.meanTimeInSystemHours), "Average time from arrival to the end of the last stage", unit: .hours) {
            $0.meanTimeInNetworkHours
        }
        c.add(MeasureID(.timeInSystemP50Hours), "Median time from arrival to the end of the last stage", unit: .hours) {
            $0.timeInNetworkP50Hours
        }
        c.add(MeasureID(.timeInSystemP90Hours), "Time within which 90% of contacts finished the last stage", unit: .hours) {
            $0.timeInNetworkP90Hours
        }
        c.add(MeasureID(.runsOverloaded), "Share of replications stopped early with over 200,000 contacts in the network", unit: .fraction)
        {
            $0.stoppedOverloaded ? 1 : 0
        }
        for (index, id) in stageIDs.enumerated() {
            let stage = MeasureID.stage(id)
            c.add(stage.meanWaitHours, "Average wait before \(id) starts", unit: .hours) { $0.stages[index].meanWaitHours }
            c.add(stage.utilisation, "Share of \(id) staff time spent busy", unit: .fraction) { $0.stages[index].utilisation }
            c.add(stage.completed, "Contacts that finished \(id)", unit: .contacts) { Double($0.stages[index].completed) }
            c.add(stage.meanQueueLength, "Average number of contacts waiting for \(id)", unit: .contacts) {
                $0.stages[index].meanQueueLength
            }
        }
        return c
    }
}
