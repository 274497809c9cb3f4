import Foundation
import WorkspaceStore

enum JournalRecordSample {
    static func record(sequence: Int64, kind: String) -> JournalRecord {
        JournalRecord(sequence: sequence, time: Date(timeIntervalSince1970: 1_767_225_600), kind: kind, scope: "hub:iot-az220-training", subject: "iot-az220-training", payload: Data())
    }
}
