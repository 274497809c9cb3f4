"""A device using the connection string `iotlab info` printed, as a learner would paste it.

Usage: IOTLAB_MQTT_PORT=N device_from_info.py CONNECTION_STRING CA_FILE
The Azure device SDK always dials MQTT on 8883; so that tests can serve on a free port, the port
paho is given is replaced by IOTLAB_MQTT_PORT. Everything else (TLS 1.2, SNI and host name check
on GatewayHostName, the user name and SAS token naming the hub) is the SDK's own.
Prints: connected, sent, twin $version; exits non-zero with the exception on stderr on failure.
"""
import os
import sys

import paho.mqtt.client as mqtt
from azure.iot.device import IoTHubDeviceClient, Message

_connect = mqtt.Client.connect


def _connect_to_test_port(self, host, port=1883, keepalive=60, *args, **kwargs):
    return _connect(self, host, int(os.environ["IOTLAB_MQTT_PORT"]), keepalive, *args, **kwargs)


mqtt.Client.connect = _connect_to_test_port

connection_string, ca_file = sys.argv[1], sys.argv[2]
with open(ca_file) as pem:
    client = IoTHubDeviceClient.create_from_connection_string(
        connection_string, server_verification_cert=pem.read(), connection_retry=False)
try:
    client.connect()
    print("connected")
    message = Message('{"temperature": 21.5}')
    message.custom_properties["source"] = "info"
    client.send_message(message)
    print("sent")
    print("twin", client.get_twin()["reported"]["$version"])
finally:
    client.shutdown()
