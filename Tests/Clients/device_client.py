"""A learner's device code, written with the official azure-iot-device SDK, run against iotlab.

usage: device_client.py SCENARIO CONNECTION_STRING CA_FILE [extra...]

Prints one fact per line. Hub-side actions (a desired patch, a method call, a C2D message) are
made by running `iotlab az ...` ($IOTLAB_BIN) while the device listens, as a learner would in a
second terminal. Every wait has a timeout; a missed reply raises and the script exits non-zero.
"""
import json
import os
import subprocess
import sys
import threading

from azure.iot.device import IoTHubDeviceClient, Message, MethodResponse
from azure.iot.device.exceptions import CredentialError

from tunnel import tunnel_to

WAIT = 20


def az(*args):
    """Runs `iotlab az ...` and returns its standard output; raises with its errors if it fails."""
    done = subprocess.run([os.environ["IOTLAB_BIN"], "az", *args], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"iotlab az {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def device(connection_string, ca_file):
    with open(ca_file) as handle:
        ca = handle.read()
    options = {}
    if os.environ.get("IOTLAB_MQTT_PORT", "8883") != "8883":
        options["proxy_options"] = tunnel_to(int(os.environ["IOTLAB_MQTT_PORT"]))
    return IoTHubDeviceClient.create_from_connection_string(
        connection_string, server_verification_cert=ca, connection_retry=False, **options)


def telemetry(client, hub, device_id):
    client.connect()
    for number in range(3):
        message = Message(json.dumps({"temperature": 20 + number}))
        message.content_type = "application/json"
        message.content_encoding = "utf-8"
        message.message_id = f"msg-{number}"
        message.custom_properties["temperatureAlert"] = "true" if number == 2 else "false"
        client.send_message(message)
        print(f"sent msg-{number}")
    client.disconnect()


def twin(client, hub, device_id):
    client.connect()
    reported_version = client.get_twin()["reported"]["$version"]
    print(f"reported version {reported_version}")
    client.patch_twin_reported_properties({"firmware": "1.2.0"})
    received = threading.Event()
    patches = []

    def on_patch(patch):
        patches.append(patch)
        received.set()

    client.on_twin_desired_properties_patch_received = on_patch
    az("iot", "hub", "device-twin", "update", "-n", hub, "-d", device_id, "--desired", '{"telemetryInterval": 5}', "-o", "none")
    if not received.wait(WAIT):
        raise TimeoutError("no desired patch arrived")
    print(f"desired telemetryInterval {patches[0]['telemetryInterval']} version {patches[0]['$version']}")
    print(f"twin reported firmware {client.get_twin()['reported']['firmware']}")
    client.disconnect()


def method(client, hub, device_id):
    client.connect()

    def on_method(request):
        payload = {"rebootedAfter": request.payload.get("delay") if isinstance(request.payload, dict) else None}
        client.send_method_response(MethodResponse.create_from_method_request(request, 200, payload))

    client.on_method_request_received = on_method
    result = json.loads(az("iot", "hub", "invoke-device-method", "-n", hub, "-d", device_id,
                           "--method-name", "reboot", "--method-payload", '{"delay": 3}'))
    print(f"method status {result['status']} payload {json.dumps(result['payload'], sort_keys=True)}")
    client.disconnect()


def c2d(client, hub, device_id):
    client.connect()
    received = threading.Event()
    messages = []

    def on_message(message):
        messages.append(message)
        received.set()

    client.on_message_received = on_message
    az("iot", "device", "c2d-message", "send", "-n", hub, "-d", device_id, "--data", "hello device", "--props", "priority=high")
    if not received.wait(WAIT):
        raise TimeoutError("no cloud-to-device message arrived")
    message = messages[0]
    print(f"c2d data {message.data.decode()} priority {message.custom_properties.get('priority')}")
    client.disconnect()


def refused(client, hub, device_id):
    try:
        client.connect()
    except CredentialError as error:
        print(f"refused {type(error).__name__}")
        return
    raise RuntimeError("the hub accepted a wrong key")


def file_upload(connection_string, ca_file):
    """The SDK's file upload: a SAS URI from the hub, the blob written to it, the outcome reported.
    The SDK's HTTPS calls go to GatewayHostName, which may carry a port."""
    import requests
    with open(ca_file) as handle:
        client = IoTHubDeviceClient.create_from_connection_string(
            connection_string, server_verification_cert=handle.read(), connection_retry=False)
    try:
        info = client.get_storage_info_for_blob("photos/shot.jpg")
        url = f"https://{info['hostName']}/{info['containerName']}/{info['blobName']}{info['sasToken']}"
        upload = requests.put(url, data=b"JPEG" * 256, headers={"x-ms-blob-type": "BlockBlob"}, verify=ca_file, timeout=WAIT)
        print(f"upload {upload.status_code}")
        client.notify_blob_upload_status(info["correlationId"], True, 200, "uploaded")
        print(f"notified {info['blobName']}")
    finally:
        client.shutdown()


def main():
    scenario = sys.argv[1]
    if scenario == "file-upload":
        return file_upload(sys.argv[2], sys.argv[3])
    connection_string, ca_file = sys.argv[2], sys.argv[3]
    parts = dict(part.split("=", 1) for part in connection_string.split(";"))
    hub = parts["HostName"].split(".")[0]
    client = device(connection_string, ca_file)
    scenarios = {"telemetry": telemetry, "twin": twin, "method": method, "c2d": c2d, "refused": refused}
    try:
        scenarios[scenario](client, hub, parts["DeviceId"])
    finally:
        client.shutdown()


if __name__ == "__main__":
    main()
