import Foundation
import Testing

@testable import Courseware

/// The non-interactive lab loop: `check` says what was expected and found and exits non-zero,
/// hints come one at a time and are counted, a revealed solution is recorded, progress is kept.
@Suite struct LabOperationsTests {
    @Test func checkOfAnUndoneStepExitsNonZeroWithExpectedAndActual() async throws {
        let harness = try LabHarness()
        let result = await harness.operations().check("hub-and-device", step: nil)
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("✗ hub-s1-4-partitions"))
        #expect(result.standardOutput.contains("expected: IoT hub iot-az220-training, SKU S1, 4 partitions"))
        #expect(result.standardOutput.contains("actual:   no IoT hub named iot-az220-training"))
    }

    @Test func aPassingStepIsRecordedDoneAndTheNextBecomesCurrent() async throws {
        let harness = try LabHarness()
        #expect(try await harness.az("iot hub create --name iot-az220-training --sku S1 --partition-count 4").exitCode == 0)
        let operations = harness.operations()
        let first = await operations.check("1", step: nil)
        #expect(first.exitCode == 0)
        #expect(first.standardOutput.contains("Step done ✓ Next: Register the device sensor-th-0001"))
        let second = await operations.check("1", step: nil)
        #expect(second.exitCode == 1)
        #expect(second.standardOutput.contains("✗ device-sas"))
        let progress = try LabProgressStore(workspace: harness.cloud.workspace).load("hub-and-device")
        #expect(progress.stepsDone == ["create-hub"])
    }

    @Test func hintsAreGraduatedCountedAndEndInTheSolution() async throws {
        let harness = try LabHarness()
        let operations = harness.operations()
        #expect(operations.hint("hub-and-device").standardOutput.hasPrefix("Hint 1 of 2: Hubs are created with"))
        #expect(operations.hint("hub-and-device").standardOutput.hasPrefix("Hint 2 of 2 (last hint; next comes the solution):"))
        #expect(operations.hint("hub-and-device").standardOutput == "No more hints for \"Create the IoT hub\". The solution: iotlab lab solve hub-and-device\n")
        #expect(try LabProgressStore(workspace: harness.cloud.workspace).load("hub-and-device").hintsUsed == ["create-hub": 2])
    }

    @Test func solveRunsTheSolutionRecordsItAndPassesTheStep() async throws {
        let harness = try LabHarness()
        let result = await harness.operations().solve("hub-and-device", step: nil)
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("$ az iot hub create --name iot-az220-training --sku S1 --partition-count 4"))
        #expect(result.standardOutput.contains("✓ hub-s1-4-partitions"))
        let progress = try LabProgressStore(workspace: harness.cloud.workspace).load("hub-and-device")
        #expect(progress.solutionsRevealed == ["create-hub"])
        #expect(progress.stepsDone == ["create-hub"])
    }

    @Test func resetForgetsProgressButNotTheHub() async throws {
        let harness = try LabHarness()
        let operations = harness.operations()
        _ = await operations.solve("hub-and-device", step: "1")
        #expect(operations.reset("hub-and-device", step: nil).exitCode == 0)
        #expect(try LabProgressStore(workspace: harness.cloud.workspace).load("hub-and-device") == LabProgress(labId: "hub-and-device"))
        #expect(await operations.check("hub-and-device", step: "create-hub").exitCode == 0)
    }

    @Test func anUnknownLabOrStepIsNamedWithTheChoices() async throws {
        let harness = try LabHarness()
        let unknown = await harness.operations().check("lab-99", step: nil)
        #expect(unknown.exitCode == 1)
        #expect(unknown.standardError.hasPrefix("LabNotFound: no lab 'lab-99'; the labs are hub-and-device, device-telemetry"))
        let step = await harness.operations().check("hub-and-device", step: "7")
        #expect(step.standardError == "StepNotFound: lab hub-and-device has no step '7'; give a step id or a number from 1 to 2\n")
    }

    @Test func listGroupsLabsBySkillAreaWithProgress() async throws {
        let harness = try LabHarness()
        _ = await harness.operations().solve("hub-and-device", step: nil)
        let list = harness.operations().list(idsOnly: false).standardOutput
        #expect(list.hasPrefix("Implement the IoT solution infrastructure\n  hub-and-device  Create an IoT hub and register a device  (20 min, 1/2 steps)\n"))
        #expect(list.contains("  message-routing  Route device messages  (40 min, not started)"))
        #expect(harness.operations().list(idsOnly: true).standardOutput == "hub-and-device\ndevice-telemetry\nmessage-routing\nmonitor-control\n")
    }
}

/// Progress survives in the workspace and counts time as a learner spends it.
@Suite struct LabProgressTests {
    @Test func progressRoundTripsThroughTheWorkspace() throws {
        let harness = try LabHarness()
        let store = LabProgressStore(workspace: harness.cloud.workspace)
        var progress = LabProgress(labId: "x")
        progress.touch(at: harness.clock.now())
        progress.markDone("a")
        progress.markSkipped("b")
        progress.markSkipped("a")
        progress.hintsUsed = ["a": 2]
        progress.solutionsRevealed = ["a"]
        progress.touch(at: harness.clock.now().addingTimeInterval(90))
        try store.save(progress)
        #expect(try store.load("x") == progress)
        #expect(try store.all() == ["x": progress])
    }

    @Test func idleGapsCountOnlyUpToTheCap() {
        var progress = LabProgress(labId: "x")
        let start = Date(timeIntervalSince1970: 0)
        progress.touch(at: start)
        progress.touch(at: start.addingTimeInterval(60))
        progress.touch(at: start.addingTimeInterval(60 + 3600))
        #expect(progress.secondsSpent == 60 + LabProgress.idleCap)
    }
}
