"""paho-mqtt used directly, as IoT Hub's MQTT docs show: QoS 0, a clean session, a telemetry topic
without its trailing slash.

usage: paho_raw.py HUB_HOST DEVICE_ID SAS_TOKEN CA_FILE PORT
CA_FILE "-" connects without TLS (`iotlab serve --mqtt-tcp-port`).
"""
import sys
import threading

import paho.mqtt.client as mqtt


def main():
    host, device_id, token, ca_file, port = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    connected = threading.Event()
    result = {}

    def on_connect(client, userdata, flags, rc):
        result["rc"] = rc
        connected.set()

    client = mqtt.Client(client_id=device_id, clean_session=True, protocol=mqtt.MQTTv311)
    client.username_pw_set(f"{host}/{device_id}/?api-version=2021-04-12", token)
    if ca_file != "-":
        client.tls_set(ca_certs=ca_file)
    client.on_connect = on_connect
    client.connect("localhost", port, keepalive=30)
    client.loop_start()
    if not connected.wait(20):
        raise TimeoutError("no CONNACK")
    print(f"connack {result['rc']}")
    info = client.publish(f"devices/{device_id}/messages/events", '{"raw": true}', qos=0)
    info.wait_for_publish(10)
    print("published qos0")
    client.disconnect()
    client.loop_stop()


if __name__ == "__main__":
    main()
