#!/usr/bin/env python3
"""A tiny SMTP server for tests of server/login/SmtpClient: EHLO, STARTTLS (when given a certificate), AUTH PLAIN
(user "mailer", password "secret"), MAIL/RCPT/DATA, QUIT. Prints its port on the first line of stdout and appends
each received message as one JSON line {"from", "to", "data", "tls", "auth"} to the file given as first argument.

usage: smtp_test_server.py MESSAGES_FILE [CERT_PEM KEY_PEM]
"""
import asyncio
import base64
import json
import ssl
import sys

messages_file = sys.argv[1]
tls_context = None
if len(sys.argv) > 3:
    tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls_context.load_cert_chain(sys.argv[2], sys.argv[3])


async def session(reader, writer):
    state = {"tls": False, "auth": None, "from": None, "to": []}

    async def send(line):
        writer.write((line + "\r\n").encode())
        await writer.drain()

    await send("220 test.smtp ready")
    while True:
        raw = await reader.readline()
        if not raw:
            break
        line = raw.decode(errors="replace").rstrip("\r\n")
        verb = line.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            features = ["250-test.smtp", "250-8BITMIME"]
            if tls_context and not state["tls"]:
                features.append("250-STARTTLS")
            features.append("250 AUTH PLAIN")
            for f in features:
                writer.write((f + "\r\n").encode())
            await writer.drain()
        elif verb == "STARTTLS" and tls_context and not state["tls"]:
            await send("220 go ahead")
            await writer.start_tls(tls_context)
            state["tls"] = True
        elif verb == "AUTH":
            parts = line.split(" ")
            decoded = base64.b64decode(parts[2]).split(b"\0") if len(parts) == 3 else []
            if len(decoded) == 3 and decoded[1] == b"mailer" and decoded[2] == b"secret":
                state["auth"] = "mailer"
                await send("235 authenticated")
            else:
                await send("535 bad credentials")
        elif verb == "MAIL":
            state["from"] = line[len("MAIL FROM:"):].strip("<> ")
            await send("250 ok")
        elif verb == "RCPT":
            to = line[len("RCPT TO:"):].strip("<> ")
            if to.endswith("@refused.test"):
                await send("550 no such mailbox")
            else:
                state["to"].append(to)
                await send("250 ok")
        elif verb == "DATA":
            await send("354 end with .")
            data = []
            while True:
                l = (await reader.readline()).decode(errors="replace")
                if l in (".\r\n", ".\n", ""):
                    break
                data.append(l[1:] if l.startswith("..") else l)
            with open(messages_file, "a") as f:
                f.write(json.dumps({"from": state["from"], "to": state["to"], "data": "".join(data),
                                    "tls": state["tls"], "auth": state["auth"]}) + "\n")
            state["to"] = []
            await send("250 queued")
        elif verb == "QUIT":
            await send("221 bye")
            break
        elif verb in ("RSET", "NOOP"):
            await send("250 ok")
        else:
            await send("502 not implemented")
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
