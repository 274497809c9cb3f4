"""An HTTP CONNECT proxy for the device SDK's own `proxy_options`, forwarding to iotlab's MQTT port.

The SDK always dials port 8883; tests serve MQTT on a free port so they never depend on 8883
being free (another test, another iotlab, a local broker). Through the tunnel the SDK still
connects to localhost:8883 as it believes, and checks TLS end to end.
"""
import socket
import threading

from azure.iot.device import ProxyOptions


def _pipe(source, target):
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    for end in (source, target):
        try:
            end.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def tunnel_to(port, requests=None):
    """ProxyOptions for a tunnel to 127.0.0.1:port; each CONNECT request line is appended to
    `requests` when given."""
    def serve(listener):
        while True:
            client, _ = listener.accept()
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = client.recv(4096)
                if not chunk:
                    break
                request += chunk
            if requests is not None:
                requests.append(request.split(b"\r\n")[0].decode())
            upstream = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            threading.Thread(target=_pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()

    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=serve, args=(listener,), daemon=True).start()
    return ProxyOptions(proxy_type="HTTP", proxy_addr="127.0.0.1", proxy_port=listener.getsockname()[1])
