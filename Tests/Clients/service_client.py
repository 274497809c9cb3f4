"""A learner's back-end code, written with the official azure-iot-hub SDK, run against iotlab.

usage: service_client.py SCENARIO SERVICE_CONNECTION_STRING [extra...]

The CA file comes from REQUESTS_CA_BUNDLE, which requests honours. Prints one fact per line;
an unexpected status raises and the script exits non-zero.
"""
import sys

import json

from azure.iot.hub import IoTHubHttpRuntimeManager, IoTHubRegistryManager
from azure.iot.hub.models import CloudToDeviceMethod, QuerySpecification, Twin, TwinProperties
from msrest.exceptions import HttpOperationError


def status_of(call):
    """The HTTP status a failing call got, or 200 when it succeeded."""
    try:
        call()
        return 200
    except HttpOperationError as error:
        return error.response.status_code


def registry(manager):
    created = manager.create_device_with_sas("svc-device", None, None, "enabled")
    print(f"created {created.device_id} {created.status} keys {bool(created.authentication.symmetric_key.primary_key)}")
    print(f"duplicate {status_of(lambda: manager.create_device_with_sas('svc-device', None, None, 'enabled'))}")
    fetched = manager.get_device("svc-device")
    updated = manager.update_device_with_sas("svc-device", fetched.etag, None, None, "disabled")
    print(f"updated {updated.status}")
    print(f"stale etag {status_of(lambda: manager.update_device_with_sas('svc-device', fetched.etag, None, None, 'enabled'))}")
    manager.delete_device("svc-device")
    print(f"deleted, get {status_of(lambda: manager.get_device('svc-device'))}")
    statistics = manager.get_device_registry_statistics()
    print(f"statistics total {statistics.total_device_count}")


def twin(manager):
    manager.create_device_with_sas("twin-device", None, None, "enabled")
    current = manager.get_twin("twin-device")
    patch = Twin(tags={"building": "43"}, properties=TwinProperties(desired={"telemetryInterval": 10}))
    patched = manager.update_twin("twin-device", patch, current.etag)
    print(f"patched tags {patched.tags['building']} desired {patched.properties.desired['telemetryInterval']}")
    print(f"stale etag {status_of(lambda: manager.update_twin('twin-device', patch, current.etag))}")
    replaced = manager.replace_twin("twin-device", Twin(tags={"floor": "2"}, properties=TwinProperties(desired={})), patched.etag)
    print(f"replaced tags {sorted(replaced.tags)}")


def query(manager):
    for number in range(5):
        manager.create_device_with_sas(f"query-{number}", None, None, "enabled")
    spec = QuerySpecification(query="SELECT * FROM devices WHERE STARTSWITH(deviceId, 'query-')")
    seen, pages, token = [], 0, None
    while True:
        result = manager.query_iot_hub(spec, token, 2)
        pages += 1
        seen += [item.device_id for item in result.items]
        token = result.continuation_token
        if not token:
            break
    print(f"query pages {pages} devices {len(seen)} distinct {len(set(seen))}")


def method_offline(manager):
    manager.create_device_with_sas("offline-device", None, None, "enabled")
    request = CloudToDeviceMethod(method_name="reboot", payload={}, response_timeout_in_seconds=5, connect_timeout_in_seconds=0)
    print(f"offline method {status_of(lambda: manager.invoke_device_method('offline-device', request))}")


def method_online(manager, device_id):
    request = CloudToDeviceMethod(method_name="reboot", payload={"delay": 3}, response_timeout_in_seconds=10)
    result = manager.invoke_device_method(device_id, request)
    print(f"method status {result.status} payload {result.payload}")


def feedback(connection_string):
    """The SDK's feedback calls; its receive discards the body, so the batch is read raw."""
    runtime = IoTHubHttpRuntimeManager.from_connection_string(connection_string)
    operations = runtime.protocol.cloud_to_device_messages
    first = operations.receive_feedback_notification(raw=True).response
    records = json.loads(first.text)
    token = first.headers["ETag"].strip('"')
    print(f"feedback {first.status_code} {[(r['originalMessageId'], r['statusCode']) for r in records]}")
    print(f"while locked {operations.receive_feedback_notification(raw=True).response.status_code}")
    runtime.abandon_feedback_notification(token)
    again = operations.receive_feedback_notification(raw=True).response
    print(f"after abandon {again.status_code} delivery {again.headers['iothub-deliverycount']}")
    runtime.complete_feedback_notification(again.headers["ETag"].strip('"'))
    print(f"completed, stale token {status_of(lambda: runtime.complete_feedback_notification(token))}")
    print(f"then {operations.receive_feedback_notification(raw=True).response.status_code}")


def main():
    scenario, connection_string = sys.argv[1], sys.argv[2]
    if scenario == "feedback":
        return feedback(connection_string)
    manager = IoTHubRegistryManager.from_connection_string(connection_string)
    if scenario == "method-online":
        return method_online(manager, sys.argv[3])
    {"registry": registry, "twin": twin, "query": query, "method-offline": method_offline}[scenario](manager)


if __name__ == "__main__":
    main()
