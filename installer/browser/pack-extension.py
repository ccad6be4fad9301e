#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Packs Sundial's extension (agent/browser/extension) for the browsers' policies to install:
  - a CRX3 for Chromium, signed with KEY (RSA, PEM): Chromium installs an extension from outside
    its web store only as a CRX whose key is the extension's id; ExtensionInstallForcelist names
    it through an update manifest (updates.xml, written too);
  - an XPI for Firefox (a zip; not signed by addons.mozilla.org, which Firefox ESR accepts with
    xpinstall.signatures.required off, set by Sundial's policies.json).
The archive is reproducible (sorted names, fixed times). Needs only python3 and openssl.

  pack-extension.py --source DIR --key KEY.pem --crx OUT.crx --xpi OUT.xpi --updates OUT.xml
                    [--codebase file:///usr/share/sundial/browser/sundial-browser.crx]"""
import argparse
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import zipfile


def archive(source):
    """The extension as a zip, the same bytes for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_file:
        for root, dirs, files in os.walk(source):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, source)
                if name == "README.md":
                    continue
                info = zipfile.ZipInfo(relative, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with open(path, "rb") as f:
                    zip_file.writestr(info, f.read())
    return buffer.getvalue()


def varint(number):
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def field(number, data):
    """A length-delimited protobuf field."""
    return varint(number << 3 | 2) + varint(len(data)) + data


def public_key_der(key):
    return subprocess.run(["openssl", "rsa", "-in", key, "-pubout", "-outform", "DER"], check=True,
                          capture_output=True).stdout


def extension_id(public_der):
    """Chromium's id: the first 16 bytes of the key's SHA-256, each nibble as a letter a-p."""
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(public_der).hexdigest()[:32])


def crx3(zip_bytes, key):
    """CRX3 (Chromium's components/crx_file/crx3.proto): "Cr24", version 3, the header's length,
    a CrxFileHeader {sha256_with_rsa (2): {public_key (1), signature (2)}, signed_header_data
    (10000): SignedData {crx_id (1)}}, then the zip. The signature covers "CRX3 SignedData\\0",
    the signed header data's length (32-bit little-endian), that data, and the zip."""
    public_der = public_key_der(key)
    signed_data = field(1, hashlib.sha256(public_der).digest()[:16])
    to_sign = b"CRX3 SignedData\x00" + struct.pack("<I", len(signed_data)) + signed_data + zip_bytes
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=to_sign, check=True,
                               capture_output=True).stdout
    header = field(2, field(1, public_der) + field(2, signature)) + field(10000, signed_data)
    return b"Cr24" + struct.pack("<I", 3) + struct.pack("<I", len(header)) + header + zip_bytes, public_der


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--crx", required=True)
    parser.add_argument("--xpi", required=True)
    parser.add_argument("--updates", required=True)
    parser.add_argument("--codebase", default="file:///usr/share/sundial/browser/sundial-browser.crx")
    options = parser.parse_args()
    with open(os.path.join(options.source, "manifest.json")) as f:
        version = json.load(f)["version"]
    zip_bytes = archive(options.source)
    crx, public_der = crx3(zip_bytes, options.key)
    for path, data in ((options.crx, crx), (options.xpi, zip_bytes)):
        with open(path, "wb") as f:
            f.write(data)
    with open(options.updates, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">\n'
                '  <app appid="%s"><updatecheck codebase="%s" version="%s"/></app>\n'
                '</gupdate>\n' % (extension_id(public_der), options.codebase, version))
    return 0


if __name__ == "__main__":
    sys.exit(main())
