"""Registrations per second through iotlab's DPS front door over MQTT/TLS, with paho-mqtt.

usage: provisioning_bench.py PORT CA_FILE ID_SCOPE GROUP_KEY COUNT CONCURRENCY [PREFIX]

Each of CONCURRENCY threads registers its share of COUNT devices `{PREFIX}-{n}` through a
symmetric-key enrollment group (device keys derived from GROUP_KEY), each on its own TLS
connection, as a fleet of devices would: CONNECT, SUBSCRIBE `$dps/registrations/res/#`, the register
request, one status poll (sent at once rather than after the SDK's fixed 2 s, which measures the
service rather than the client's sleep), DISCONNECT. Prints one JSON line:
{"registrations", "failures", "seconds", "perSecond"}.
"""
import base64
import hashlib
import hmac
import json
import queue
import ssl
import sys
import threading
import time
import urllib.parse
import uuid

import paho.mqtt.client as mqtt

WAIT = 30


def sas_token(id_scope, registration_id, key):
    resource = urllib.parse.quote(f"{id_scope}/registrations/{registration_id}", safe="")
    expiry = int(time.time()) + 3600
    signature = hmac.new(base64.b64decode(key), f"{resource}\n{expiry}".encode(), hashlib.sha256).digest()
    return f"SharedAccessSignature sr={resource}&sig={urllib.parse.quote(base64.b64encode(signature), safe='')}&se={expiry}"


def derived_key(group_key, registration_id):
    digest = hmac.new(base64.b64decode(group_key), registration_id.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def register(port, context, id_scope, group_key, registration_id):
    """One registration: True when the device ends up assigned, else why not."""
    answers = queue.Queue()
    client = mqtt.Client(client_id=registration_id, clean_session=True, protocol=mqtt.MQTTv311)
    client.username_pw_set(
        f"{id_scope}/registrations/{registration_id}/api-version=2019-03-31&ClientVersion=iotlab-bench",
        sas_token(id_scope, registration_id, derived_key(group_key, registration_id)))
    client.tls_set_context(context)
    client.on_connect = lambda c, u, f, rc: answers.put(("connack", rc, None))
    client.on_subscribe = lambda c, u, mid, q: answers.put(("suback", 0, None))
    client.on_message = lambda c, u, m: answers.put((m.topic, 0, m.payload))
    client.connect("localhost", port, keepalive=60)
    client.loop_start()
    try:
        kind, rc, _ = answers.get(timeout=WAIT)
        if kind != "connack" or rc != 0:
            return f"CONNACK {rc}"
        client.subscribe("$dps/registrations/res/#", qos=1)
        answers.get(timeout=WAIT)
        body = json.dumps({"payload": None, "registrationId": registration_id}, sort_keys=True)
        client.publish(f"$dps/registrations/PUT/iotdps-register/?$rid={uuid.uuid4()}", body, qos=1)
        topic, _, payload = answers.get(timeout=WAIT)
        if "/res/202/" not in topic:
            return f"register answered {topic} {payload[:200]!r}"
        operation = json.loads(payload)["operationId"]
        client.publish(
            f"$dps/registrations/GET/iotdps-get-operationstatus/?$rid={uuid.uuid4()}&operationId={operation}", " ", qos=1)
        topic, _, payload = answers.get(timeout=WAIT)
        if "/res/200/" in topic and json.loads(payload)["status"] == "assigned":
            return True
        return f"poll answered {topic} {payload[:200]!r}"
    except queue.Empty:
        return "no answer in time"
    finally:
        client.disconnect()
        client.loop_stop()


def main():
    port, ca_file, id_scope, group_key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    count, concurrency = int(sys.argv[5]), int(sys.argv[6])
    prefix = sys.argv[7] if len(sys.argv) > 7 else "bench"
    context = ssl.create_default_context(cafile=ca_file)
    outcomes = []
    lock = threading.Lock()

    def worker(first):
        for number in range(first, count, concurrency):
            assigned = register(port, context, id_scope, group_key, f"{prefix}-{number}")
            with lock:
                outcomes.append(assigned)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(index,), daemon=True) for index in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 4 + count)
    seconds = time.monotonic() - started
    assigned = sum(1 for outcome in outcomes if outcome is True)
    reasons = sorted({outcome for outcome in outcomes if outcome is not True})
    print(json.dumps({
        "registrations": assigned, "failures": len(outcomes) - assigned, "reasons": reasons[:5], "seconds": round(seconds, 3),
        "perSecond": round(assigned / seconds, 1) if seconds > 0 else 0,
    }), flush=True)


if __name__ == "__main__":
    main()
