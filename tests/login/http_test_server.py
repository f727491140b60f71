#!/usr/bin/env python3
"""A small HTTP(S) server for tst_outboundhttp: /ok answers JSON, /big 2 MiB, /slow nothing for 10 s, /echo the
request's method, Authorization header and body. Usage: http_test_server.py [cert.pem key.pem]; prints its port."""
import json
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/ok":
            self.answer(200, b'{"ok": true}')
        elif self.path == "/big":
            self.answer(200, b"x" * (2 * 1024 * 1024), "text/plain")
        elif self.path == "/slow":
            time.sleep(10)
            self.answer(200, b"{}")
        else:
            self.answer(404, b'{"error": "not_found"}')

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        self.answer(200, json.dumps({"method": "POST", "authorization": self.headers.get("Authorization", ""),
                                     "contentType": self.headers.get("Content-Type", ""), "body": body}).encode())


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if len(sys.argv) == 3:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
