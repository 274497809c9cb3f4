import Foundation
import JSONValue
import LabCore
import ProvisioningEngine

extension ProvisioningServiceResource {
    /// ARM's resource id of the instance.
    func resourceID(in subscription: Subscription) -> String {
        "\(subscription.resourceGroupID(resourceGroup))/providers/Microsoft.Devices/provisioningServices/\(name)"
    }

    /// The shape `az iot dps show` prints (policy keys are not included, as in Azure).
    public func json(in subscription: Subscription) -> JSONValue {
        let properties: JSONValue = [
            "allocationPolicy": .string(allocationPolicy.armName),
            "authorizationPolicies": nil,
            "deviceProvisioningHostName": .string(Self.deviceHostName),
            "enableDataResidency": false,
            "idScope": .string(idScope),
            "iotHubs": .array(linkedHubs.map(\.json)),
            "ipFilterRules": [],
            "portalOperationsHostName": nil,
            "privateEndpointConnections": nil,
            "provisioningState": "Succeeded",
            "publicNetworkAccess": "Enabled",
            "serviceOperationsHostName": .string(serviceHostName),
            "state": "Active",
        ]
        return [
            "etag": .string(etag),
            "id": .string(resourceID(in: subscription)),
            "location": .string(location),
            "name": .string(name),
            "properties": properties,
            "resourcegroup": .string(resourceGroup),
            "sku": ["capacity": .integer(units), "name": .string(skuName), "tier": .string(skuName)],
            "subscriptionid": .string(subscription.id),
            "systemData": ["createdAt": .string(AzureTimestamp.string(createdAt))],
            "tags": .object(tags),
            "type": "Microsoft.Devices/provisioningServices",
        ]
    }

    /// A DPS certificate as `az iot dps certificate show` prints it.
    public func json(of certificate: CACertificate, in subscription: Subscription, includingVerificationCode: Bool = false) -> JSONValue {
        certificate.json(
            parentID: resourceID(in: subscription), resourceGroup: resourceGroup,
            type: "Microsoft.Devices/provisioningServices/Certificates", includingVerificationCode: includingVerificationCode)
    }

    var record: JSONValue {
        [
            "name": .string(name), "resourceGroup": .string(resourceGroup), "location": .string(location),
            "sku": .string(skuName), "units": .integer(units), "idScope": .string(idScope),
            "allocationPolicy": .string(allocationPolicy.rawValue),
            "linkedHubs": .array(linkedHubs.map(\.record)), "policies": .array(policies.map(\.json)),
            "certificates": .array(certificates.map(\.record)), "tags": .object(tags), "etag": .string(etag),
            "createdAt": .double(createdAt.timeIntervalSince1970),
        ]
    }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue, let group = record["resourceGroup"]?.stringValue,
              let location = record["location"]?.stringValue, let sku = record["sku"]?.stringValue,
              let units = record["units"]?.integerValue, let idScope = record["idScope"]?.stringValue,
              let policy = record["allocationPolicy"]?.stringValue.flatMap(AllocationPolicy.init(name:)),
              let etag = record["etag"]?.stringValue, let created = record["createdAt"]?.doubleValue
        else { return nil }
        let linked = (record["linkedHubs"]?.arrayValue ?? []).compactMap(LinkedHub.init(record:))
        let certificates = (record["certificates"]?.arrayValue ?? []).compactMap(CACertificate.init(record:))
        self.init(
            name: name, resourceGroup: group, location: location, skuName: sku, units: units, idScope: idScope,
            allocationPolicy: policy, linkedHubs: linked,
            policies: (record["policies"]?.arrayValue ?? []).compactMap(SharedAccessPolicy.init(json:)),
            certificates: certificates, tags: record["tags"]?.objectValue ?? [:], etag: etag,
            createdAt: Date(timeIntervalSince1970: created))
    }
}
