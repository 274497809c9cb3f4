"""CaveDevice (AZ-220 lab 04) in Python: sends temperature and humidity readings to the hub.

Run `iotlab serve` in another shell, fill in the TODOs, then: python3 cave_device.py
"""
import json
import random
import time

from azure.iot.device import IoTHubDeviceClient, Message

# TODO 1: the primary connection string of sensor-th-0001, from `iotlab info`
# (it ends with ;GatewayHostName=localhost).
CONNECTION_STRING = ""

# TODO 2: the workspace's CA certificate (`iotlab ca export iotlab-ca.pem`).
CA_FILE = "iotlab-ca.pem"


def reading():
    temperature = round(random.uniform(20, 35), 2)
    humidity = round(random.uniform(60, 80), 2)
    return temperature, humidity


def main():
    with open(CA_FILE) as pem:
        client = IoTHubDeviceClient.create_from_connection_string(CONNECTION_STRING, server_verification_cert=pem.read())
    client.connect()
    try:
        for _ in range(10):
            temperature, humidity = reading()
            # TODO 3: build a Message whose body is the JSON {"temperature": ..., "humidity": ...},
            # with content type application/json, content encoding utf-8, and the application
            # property temperatureAlert = "true" when the temperature is above 30, else "false".
            message = None
            client.send_message(message)
            print(f"sent temperature={temperature} humidity={humidity}")
            time.sleep(1)
    finally:
        client.shutdown()


if __name__ == "__main__":
    main()
