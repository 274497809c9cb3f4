import TerminalUI
import Testing
@testable import Workbench

/// `tab` in the console completes az's command names, then the command's flags as AzConsole
/// declares them, then the workspace's hub and device names after `-n` and `-d`.
@Suite struct ConsoleCompletionTests {
    static let completion = AzLineCompletion(
        commandNames: ["iot hub create", "iot hub device-identity create", "iot hub device-identity list", "iot hub list"],
        hubs: ["hub-a", "hub-b"],
        devices: [("hub-a", "sensor-th-0001"), ("hub-a", "sensor-v-3000"), ("hub-b", "other-1")])

    @Test func afterACommandTabOffersItsFlagsLongFirstThenEveryForm() {
        let all = Self.completion.complete("iot hub device-identity create ")
        #expect(all.contains("iot hub device-identity create --device-id "))
        #expect(all.contains("iot hub device-identity create --hub-name "))
        #expect(all.contains("iot hub device-identity create --edge-enabled "))
        #expect(all.contains("iot hub device-identity create --output "))
        #expect(!all.contains("iot hub device-identity create -d "), "short forms once a dash is typed")
        #expect(Self.completion.complete("az iot hub device-identity create -").contains("az iot hub device-identity create -d "))
        #expect(Self.completion.complete("iot hub device-identity create --dev") == ["iot hub device-identity create --device-id "])
        #expect(Self.completion.complete("iot hub device-identity create --au") == ["iot hub device-identity create --auth-method "])
    }

    @Test func flagsAlreadyOnTheLineAreNotOfferedAgain() {
        let offered = Self.completion.complete("iot hub device-identity create -n hub-a --")
        #expect(!offered.contains { $0.hasSuffix("--hub-name ") })
        #expect(offered.contains("iot hub device-identity create -n hub-a --device-id "))
    }

    @Test func afterDeviceIdTheHubsDevicesAreOffered() {
        #expect(Self.completion.complete("iot hub device-identity create -n hub-a -d sen")
            == ["iot hub device-identity create -n hub-a -d sensor-th-0001 ", "iot hub device-identity create -n hub-a -d sensor-v-3000 "])
        #expect(Self.completion.complete("iot hub device-identity list --hub-name h") == [
            "iot hub device-identity list --hub-name hub-a ", "iot hub device-identity list --hub-name hub-b ",
        ])
        #expect(Self.completion.complete("iot hub device-identity create -d o") == ["iot hub device-identity create -d other-1 "])
        #expect(Self.completion.complete("iot hub device-identity create -n hub-b -d ") == ["iot hub device-identity create -n hub-b -d other-1 "])
    }

    @Test func aFlagWithChoicesOffersThem() {
        #expect(Self.completion.complete("iot hub list -o t") == ["iot hub list -o table ", "iot hub list -o tsv "])
    }

    @Test func commandNamesStillCompleteWordByWord() {
        #expect(Self.completion.complete("iot hub d") == ["iot hub device-identity "])
        // After a flag the command does not know, the flags it does know are still offered.
        let afterUnknown = Self.completion.complete("iot hub device-identity create --bogus ")
        #expect(afterUnknown.contains("iot hub device-identity create --bogus --device-id "))
        #expect(afterUnknown.allSatisfy { $0.hasPrefix("iot hub device-identity create --bogus -") })
    }

    @Test func theConsolePaneCompletesTheDevicesTheWorkspaceHas() {
        var console = ConsolePane()
        console.setCommandNames(["iot hub device-identity show"])
        console.setDevices([
            DeviceSummary(hub: "lab-hub", deviceId: "sensor-th-0001", connected: false, enabled: true, authentication: "sas", isEdge: false, lastActivity: nil, cloudToDeviceQueued: 0),
        ])
        let area = Rect(x: 0, y: 0, width: 80, height: 10)
        for character in "iot hub device-identity show -n lab-hub -d s" { _ = console.handle(.key(.character(character)), in: area) }
        _ = console.handle(.key(.tab), in: area)
        #expect(console.input.text == "iot hub device-identity show -n lab-hub -d sensor-th-0001 ")
    }
}
