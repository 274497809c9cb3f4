"""A learner's provisioning code, written with azure-iot-device's ProvisioningDeviceClient, run against iotlab.

usage: provisioning_client.py ID_SCOPE REGISTRATION_ID CA_FILE (--key KEY | --group-key KEY | --cert CERT --cert-key KEY)
                              [--websockets] [--payload JSON] [--telemetry N] [--host HOST] [--gateway HOST]

Registers with the Device Provisioning Service over MQTT (or MQTT over WebSockets), then, once
assigned, connects to the assigned hub as the provisioned device with IoTHubDeviceClient and sends
`--telemetry` messages, as the official labs 05 and 06 do. `--group-key` derives the device key from
an enrollment group's key (HMAC-SHA256 of the registration id), as the docs show.

Prints one JSON line: {"status", "assignedHub", "deviceId", "substatus", "sent", "error", "message"}.
The SDK dials 8883 (443 with websockets); when IOTLAB_MQTT_PORT / IOTLAB_HTTPS_PORT name other ports,
the SDK's own proxy_options tunnel there. Every wait has a timeout: a registration that does not
finish in time prints {"error": "Timeout"} and exits 3, so a test never hangs.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import threading

from azure.iot.device import IoTHubDeviceClient, Message, ProvisioningDeviceClient, X509

from tunnel import tunnel_to

WAIT = 60


def derived_key(group_key, registration_id):
    digest = hmac.new(base64.b64decode(group_key), registration_id.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("utf-8")


def tunnel(websockets):
    variable, default = ("IOTLAB_HTTPS_PORT", "443") if websockets else ("IOTLAB_MQTT_PORT", "8883")
    port = os.environ.get(variable, default)
    return {"proxy_options": tunnel_to(int(port))} if port != default else {}


def with_timeout(action, seconds=WAIT):
    """Runs `action` on a thread; prints a Timeout result and exits when it does not return in time."""
    outcome = {}

    def run():
        try:
            outcome["value"] = action()
        except Exception as error:  # the SDK's exceptions are what the test checks
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        print(json.dumps({"error": "Timeout", "message": f"no answer within {seconds} s"}), flush=True)
        os._exit(3)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("id_scope")
    parser.add_argument("registration_id")
    parser.add_argument("ca_file")
    parser.add_argument("--key")
    parser.add_argument("--group-key")
    parser.add_argument("--cert")
    parser.add_argument("--cert-key")
    parser.add_argument("--websockets", action="store_true")
    parser.add_argument("--payload")
    parser.add_argument("--telemetry", type=int, default=1)
    parser.add_argument("--host", default="global.azure-devices-provisioning.net")
    parser.add_argument("--gateway", help="gateway_hostname for the hub connection (localhost against iotlab serve)")
    options = parser.parse_args()

    with open(options.ca_file) as handle:
        ca = handle.read()
    transport = {"server_verification_cert": ca, "websockets": options.websockets, **tunnel(options.websockets)}
    key = derived_key(options.group_key, options.registration_id) if options.group_key else options.key
    if key is not None:
        provisioning = ProvisioningDeviceClient.create_from_symmetric_key(
            provisioning_host=options.host, registration_id=options.registration_id, id_scope=options.id_scope,
            symmetric_key=key, **transport)
    else:
        x509 = X509(cert_file=options.cert, key_file=options.cert_key)
        provisioning = ProvisioningDeviceClient.create_from_x509_certificate(
            provisioning_host=options.host, registration_id=options.registration_id, id_scope=options.id_scope,
            x509=x509, **transport)
    if options.payload:
        provisioning.provisioning_payload = json.loads(options.payload)

    result = {}
    try:
        registration = with_timeout(provisioning.register)
    except Exception as error:
        # The SDK wraps the service's answer (a ServiceError naming the status) in its own error.
        kind, causes = type(error).__name__, [str(error)]
        while error.__cause__ is not None:
            error = error.__cause__
            causes.append(f"{type(error).__name__}: {error}")
        print(json.dumps({"error": kind, "message": " <- ".join(causes)}), flush=True)
        return
    state = registration.registration_state
    result["status"] = registration.status
    result["assignedHub"] = state.assigned_hub if state else None
    result["deviceId"] = state.device_id if state else None
    result["substatus"] = state.sub_status if state else None
    result["payload"] = state.response_payload if state else None
    result["sent"] = 0
    if options.gateway:
        transport["gateway_hostname"] = options.gateway
    if registration.status == "assigned" and options.telemetry > 0:
        if key is not None:
            device = IoTHubDeviceClient.create_from_symmetric_key(
                symmetric_key=key, hostname=state.assigned_hub, device_id=state.device_id, connection_retry=False, **transport)
        else:
            device = IoTHubDeviceClient.create_from_x509_certificate(
                x509=x509, hostname=state.assigned_hub, device_id=state.device_id, connection_retry=False, **transport)
        try:
            with_timeout(device.connect)
            for number in range(options.telemetry):
                message = Message(json.dumps({"temperature": 20 + number, "registrationId": options.registration_id}))
                message.content_type = "application/json"
                message.content_encoding = "utf-8"
                with_timeout(lambda: device.send_message(message))
                result["sent"] += 1
        except Exception as error:
            result["error"] = type(error).__name__
            result["message"] = str(error)
        finally:
            with_timeout(device.shutdown)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
    sys.exit(0)
