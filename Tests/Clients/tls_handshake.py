"""TLS handshake with an iotlab front door, configured as the Azure IoT Python SDKs configure it.

Usage: tls_handshake.py PORT CA_FILE SERVER_HOSTNAME [device|service]
  device  (default) ssl.SSLContext(PROTOCOL_TLSv1_2), CA given as PEM text, host name checked,
          as azure-iot-device does for MQTT and HTTPS.
  service the default context requests/urllib3 use (TLS 1.2 or 1.3), with the CA file.
Prints the negotiated protocol version; exits non-zero with the error on stderr when it fails.
"""
import socket
import ssl
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
port, ca_file, host = int(sys.argv[1]), sys.argv[2], sys.argv[3]
mode = sys.argv[4] if len(sys.argv) > 4 else "device"
if mode == "device":
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    with open(ca_file) as pem:
        context.load_verify_locations(cadata=pem.read())
else:
    context = ssl.create_default_context(cafile=ca_file)
with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
    with context.wrap_socket(raw, server_hostname=host) as tls:
        print(tls.version())
