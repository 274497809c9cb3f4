import Foundation
import TestSupport
import Testing

/// A setup script written for the real az CLI, in the official labs' style, runs unchanged with
/// `az` pointed at `iotlab az`.
@Suite struct OfficialLabScriptTests {
    static let script = #"""
        set -euo pipefail
        az() { "$IOTLAB" az "$@"; }
        YourID="cah191211"
        RGName="rg-az220"
        IoTHubName="iot-az220-training-$YourID"
        Location="centralus"

        az extension add --name azure-iot
        az provider register --namespace Microsoft.Devices
        if [ "$(az group exists --name $RGName)" = "false" ]; then
            az group create --name $RGName --location $Location -o none
        fi
        az iot hub create --name $IoTHubName -g $RGName --sku S1 --location $Location -o none
        az iot hub device-identity create --hub-name $IoTHubName --device-id sensor-th-0001 -o none
        az iot hub device-identity create --hub-name $IoTHubName --device-id vm-gw0001 --edge-enabled --auth-method shared_private_key -o none
        az iot hub device-identity create -n $IoTHubName --device-id sensor-th-0084 --pd vm-gw0001 -o none

        echo "hubs=$(az iot hub list --query "[?contains(name,'iot-az220')].name" -o tsv)"
        echo "device=$(az iot hub device-identity connection-string show --hub-name $IoTHubName --device-id sensor-th-0001 -o tsv)"
        echo "service=$(az iot hub connection-string show --hub-name $IoTHubName --policy-name service -o tsv)"
        echo "endpoint=$(az iot hub show --name $IoTHubName --query properties.eventHubEndpoints.events.endpoint -o tsv)"
        echo "path=$(az iot hub show --name $IoTHubName --query properties.eventHubEndpoints.events.path -o tsv)"
        echo "key=$(az iot hub policy show --hub-name $IoTHubName --name service --query primaryKey -o tsv)"
        echo "parent=$(az iot hub device-identity parent show -n $IoTHubName -d sensor-th-0084 --query deviceId -o tsv)"
        az storage account create --name staz220cah191211 -g $RGName --location $Location --sku Standard_LRS -o none
        echo "storagekey=$(az storage account keys list --account-name staz220cah191211 -g $RGName --query [0].value -o tsv)"
        echo "provider=$(az provider show --namespace Microsoft.Devices --query registrationState -o tsv)"
        """#

    @Test func labSetupScriptRunsUnchanged() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let run = try await ChildProcess.run(
            "/bin/bash", ["-c", Self.script], environment: ["IOTLAB_HOME": iotlab.home.path, "IOTLAB": IoTLabProcess.binary.path],
            timeoutSeconds: 300)
        let printed = run.output
        try #require(run.status == 0, "the script failed: \(run.errors)")

        var values: [String: String] = [:]
        for line in printed.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        #expect(values["hubs"] == "iot-az220-training-cah191211")
        #expect(values["device"]?.hasPrefix("HostName=iot-az220-training-cah191211.azure-devices.net;DeviceId=sensor-th-0001;SharedAccessKey=") == true)
        #expect(values["service"]?.hasPrefix("HostName=iot-az220-training-cah191211.azure-devices.net;SharedAccessKeyName=service;SharedAccessKey=") == true)
        #expect(values["endpoint"]?.hasPrefix("sb://") == true)
        #expect(values["path"] == "iot-az220-training-cah191211")
        #expect(values["key"].flatMap { Data(base64Encoded: $0) }?.count == 32)
        #expect(values["service"]?.hasSuffix(values["key"] ?? "missing") == true)
        #expect(values["parent"] == "vm-gw0001")
        #expect(values["storagekey"].flatMap { Data(base64Encoded: $0) }?.count == 64)
        #expect(values["provider"] == "Registered")
    }
}
