import Foundation
import JSONValue
import Testing

@testable import AzConsole

@Suite struct ResourceCommandTests {
    @Test func groupExistsAnswersFalseThenTrueAsTheLabScriptsCheck() async throws {
        let az = try ConsoleHarness()
        #expect(try await az.output("group exists --name rg-az220") == "false\n")
        _ = try await az.output("group create --name rg-az220 --location westus -o none")
        #expect(try await az.output("group exists -n rg-az220") == "true\n")
        #expect(try await az.output("group show -g rg-az220 --query location -o tsv") == "westus\n")
        #expect(try await az.output("group list --query [].name -o tsv") == "rg-az220\n")
        #expect(try await az.output("group delete -n rg-az220 --yes") == "")
        #expect(try await az.output("group exists -n rg-az220") == "false\n")
    }

    @Test func missingGroupIsAResourceManagerErrorWithExitCode3() async throws {
        let az = try ConsoleHarness()
        let result = await az.run("group show -n nowhere")
        #expect(result.exitCode == 3)
        #expect(result.standardError.hasPrefix("ERROR: (ResourceGroupNotFound) "))
        #expect(result.standardError.contains("\nCode: ResourceGroupNotFound\nMessage: "))
    }

    @Test func labSetupScriptFormsParseAndAnswer() async throws {
        let az = try ConsoleHarness()
        _ = try await az.output("group create --name rg-az220 --location westus")
        let created = try await az.output("iot hub create --name iot-az220-training-ab1 -g rg-az220 --sku S1 --location westus")
        let hub = try JSONValue(parsing: created)
        #expect(hub["name"] == "iot-az220-training-ab1")
        _ = try await az.output("iot hub create --name other-hub -g rg-az220 --sku S1 -o none")
        #expect(try await az.output("iot hub list --query \"[?contains(name,'iot-az220')].name\" -o tsv") == "iot-az220-training-ab1\n")
        let endpoint = try await az.output(
            "iot hub show --name iot-az220-training-ab1 --query properties.eventHubEndpoints.events.endpoint -o tsv")
        #expect(endpoint.hasPrefix("sb://"))
        let key = try await az.output("iot hub policy show --hub-name iot-az220-training-ab1 --name service --query primaryKey -o tsv")
        #expect(key.hasSuffix("=\n"))
        let connection = try JSONValue(parsing: try await az.output("iot hub connection-string show -n iot-az220-training-ab1"))
        #expect(connection["connectionString"]?.stringValue?.hasPrefix(
            "HostName=iot-az220-training-ab1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=") == true)
        let policies = try await az.output("iot hub policy list --hub-name iot-az220-training-ab1 --query [].keyName -o tsv")
        #expect(policies.contains("iothubowner\n"))
        #expect(policies.contains("service\n"))
    }

    @Test func hubCreateRequiresAName() async throws {
        let az = try ConsoleHarness()
        let result = await az.run("iot hub create --sku S1")
        #expect(result == ConsoleResult(
            standardOutput: "",
            standardError: "ERROR: the following arguments are required: --name/-n\n",
            exitCode: 2))
    }

    @Test func hubCreateWithoutAGroupUsesTheDefaultGroup() async throws {
        let az = try ConsoleHarness()
        #expect(try await az.output("iot hub create -n lone-hub --query resourcegroup -o tsv") == "iotlab\n")
        #expect(try await az.output("group exists -n iotlab") == "true\n")
    }

    @Test func hubUpdateAndDelete() async throws {
        let az = try await ConsoleHarness.withHub()
        #expect(try await az.output("iot hub update -n hub1 --sku S2 --unit 2 --query sku.name -o tsv") == "S2\n")
        #expect(try await az.output("iot hub delete -n hub1") == "")
        #expect(try await az.output("iot hub list -o tsv") == "")
    }

    @Test func storageProviderAndExtensionCommandsAnswerLikeAzure() async throws {
        let az = try ConsoleHarness()
        _ = try await az.output("group create -n rg-az220 -l westus")
        _ = try await az.output("storage account create --name vibrationstore1 -g rg-az220 --sku Standard_LRS -o none")
        #expect(try await az.output("storage account list --query [].name -o tsv") == "vibrationstore1\n")
        let keys = try JSONValue(parsing: try await az.output("storage account keys list -n vibrationstore1 -g rg-az220"))
        #expect(keys.arrayValue?.count == 2)
        #expect(try await az.output("provider register --namespace Microsoft.EventGrid") == "")
        #expect(try await az.output("provider show -n Microsoft.EventGrid --query registrationState -o tsv") == "Registered\n")
        #expect(try await az.output("extension add --name azure-iot") == "")
        #expect(try await az.output("extension list --query [].name -o tsv").contains("azure-iot\n"))
        #expect(try await az.output("--version").contains("azure-iot"))
    }

    @Test func helpForAGroupAndACommandComesFromTheTable() async throws {
        let az = try ConsoleHarness()
        let group = try await az.output("iot hub device-identity --help")
        #expect(group.contains("Subgroups:\n    children"))
        #expect(group.contains("Commands:\n    create            : Create a device in an IoT Hub.\n"))
        let command = try await az.output("iot hub device-identity create -h")
        #expect(command.contains("--device-id -d [Required]"))
        #expect(command.contains("--edge-enabled --ee"))
        #expect(command.contains("Allowed values: shared_private_key, x509_ca, x509_thumbprint.  Default: shared_private_key."))
        #expect(try await az.output("iot") == (try await az.output("iot --help")))
    }

    @Test func unknownCommandExitsWith2AndSuggests() async throws {
        let az = try ConsoleHarness()
        let result = await az.run("iot hub device-identiy create")
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("az: 'device-identiy' is not in the 'az iot hub' command group."))
        #expect(result.standardError.contains("\tdevice-identity"))
    }

    @Test func groupTableShowsNameLocationAndStatusAsAzDoes() async throws {
        let az = try ConsoleHarness()
        _ = try await az.output("group create -n rg-az220 -l westus -o none")
        #expect(try await az.output("group list -o table") == "Name      Location  Status   \n--------  --------  ---------\nrg-az220  westus    Succeeded\n")
    }

    @Test func accountShowGivesTheLocalSubscriptionId() async throws {
        let az = try ConsoleHarness()
        #expect(try await az.output("account show --query id -o tsv") == az.cloud.subscription.id + "\n")
        #expect(try await az.output("account list --query [].isDefault -o tsv") == "true\n")
    }
}
