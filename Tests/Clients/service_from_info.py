"""A service app using the connection string `iotlab info` printed, as a learner would paste it.

Usage: REQUESTS_CA_BUNDLE=CA_FILE service_from_info.py CONNECTION_STRING DEVICE_ID
Creates DEVICE_ID with the registry manager and prints every device id, one per line.
"""
import sys

from azure.iot.hub import IoTHubRegistryManager

connection_string, device_id = sys.argv[1], sys.argv[2]
registry = IoTHubRegistryManager.from_connection_string(connection_string)
registry.create_device_with_sas(device_id, None, None, "enabled")
for device in registry.get_devices():
    print(device.device_id)
