"""CaveDevice (AZ-220 lab 04) in Python: sends temperature and humidity readings to the hub.

usage: python3 cave_device.py "CONNECTION_STRING" iotlab-ca.pem
(`iotlab info` prints the connection string; `iotlab ca export iotlab-ca.pem` writes the CA file.)
"""
import json
import random
import sys
import time

from azure.iot.device import IoTHubDeviceClient, Message


def reading():
    temperature = round(random.uniform(20, 35), 2)
    humidity = round(random.uniform(60, 80), 2)
    return temperature, humidity


def telemetry(temperature, humidity):
    message = Message(json.dumps({"temperature": temperature, "humidity": humidity}))
    message.content_type = "application/json"
    message.content_encoding = "utf-8"
    message.custom_properties["temperatureAlert"] = "true" if temperature > 30 else "false"
    return message


def main(connection_string, ca_file, count=10, interval=1.0):
    with open(ca_file) as pem:
        client = IoTHubDeviceClient.create_from_connection_string(connection_string, server_verification_cert=pem.read())
    client.connect()
    try:
        for _ in range(count):
            temperature, humidity = reading()
            client.send_message(telemetry(temperature, humidity))
            print(f"sent temperature={temperature} humidity={humidity}")
            time.sleep(interval)
    finally:
        client.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], count=int(sys.argv[3]) if len(sys.argv) > 3 else 10,
         interval=float(sys.argv[4]) if len(sys.argv) > 4 else 1.0)
