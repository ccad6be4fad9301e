# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for a browser's native messaging, for tests that need the host without a real
browser (the real one is in test_browser_chromium.py): starts the host given on the command line
as Chromium does (the extension's origin as its argument, frames on its stdin and stdout), then
takes commands from its own stdin, one JSON object a line, and prints one JSON line for each:
  {"send": {...}}        a frame with that message; prints the host's answer
  {"raw": "hex"}         these bytes as they are; prints the answer when "answer" is true
  {"close": true}        closes the host's stdin; prints {"exit": code} once it ends
Run as the child: the service checks that the host's parent is a trusted browser, and here the
"browser" is this interpreter (the tests name it with sundiald --trusted-browser)."""
import json
import struct
import subprocess
import sys

ORIGIN = "chrome-extension://cjmhddalpalbhhnjpicknhjmgagaaocf/"


def read_frame(stream):
    header = stream.read(4)
    if len(header) < 4:
        return {"closed": True}
    (length,) = struct.unpack("=I", header)
    return json.loads(stream.read(length).decode("utf-8"))


def main():
    host = subprocess.Popen([sys.argv[1], ORIGIN] + sys.argv[2:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for line in sys.stdin:
        command = json.loads(line)
        if "send" in command:
            body = json.dumps(command["send"]).encode("utf-8")
            host.stdin.write(struct.pack("=I", len(body)) + body)
            host.stdin.flush()
            answer = read_frame(host.stdout)
        elif "raw" in command:
            host.stdin.write(bytes.fromhex(command["raw"]))
            host.stdin.flush()
            answer = read_frame(host.stdout) if command.get("answer") else {"sent": True}
        elif "close" in command:
            host.stdin.close()
            answer = {"exit": host.wait(timeout=10)}
        else:
            answer = {"unknown": command}
        print(json.dumps(answer), flush=True)
    if host.poll() is None:
        host.kill()


if __name__ == "__main__":
    main()
