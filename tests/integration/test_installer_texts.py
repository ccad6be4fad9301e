# SPDX-License-Identifier: GPL-3.0-or-later
"""The texts the system shows for Sundial outside its own windows (issue #12): the desktop files
(application menu and autostart), the polkit actions' password prompts and the console's AppStream
metainfo. Each English text has a Vietnamese one beside it. Parsed with Python's configparser and
ElementTree; when desktop-file-validate, appstreamcli and xmllint are installed (installer/
install-deps.sh installs them for package-test.sh) the files must also pass them, as the package
test checks the installed files. Needs no root and no build."""

import configparser
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

INSTALLER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "installer")
DESKTOP_FILES = sorted(glob.glob(os.path.join(INSTALLER, "desktop", "*.desktop")))
POLICY_FILES = sorted(glob.glob(os.path.join(INSTALLER, "polkit", "*.policy")))
METAINFO_FILES = sorted(glob.glob(os.path.join(INSTALLER, "metainfo", "*.metainfo.xml.in")))
# Desktop entry keys of type localestring (the specification's table) that our files use or may use.
LOCALIZED_DESKTOP_KEYS = ("Name", "GenericName", "Comment", "Keywords")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE = "vi"


def read_desktop_file(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",),
                                       comment_prefixes=("#",))
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return parser


def placeholders(text):
    """polkit's $(name) placeholders in a message."""
    return sorted(re.findall(r"\$\(\w+\)", text))


class VietnameseTextsTest(unittest.TestCase):
    def test_the_files_are_there(self):
        # The globs find what installer/CMakeLists.txt installs: four desktop files, one policy,
        # one metainfo.
        self.assertEqual([os.path.basename(path) for path in DESKTOP_FILES],
                         ["org.sundial.Console.desktop", "org.sundial.Tray.desktop", "sundial-session.desktop",
                          "sundial-tray.desktop"])
        self.assertEqual(len(POLICY_FILES), 1)
        self.assertEqual(len(METAINFO_FILES), 1)

    def test_every_desktop_entry_text_has_a_vietnamese_one(self):
        for path in DESKTOP_FILES:
            entry = read_desktop_file(path)
            for group in entry.sections():
                for key in LOCALIZED_DESKTOP_KEYS:
                    if key not in entry[group]:
                        continue
                    with self.subTest(file=os.path.basename(path), group=group, key=key):
                        localized = "%s[%s]" % (key, LANGUAGE)
                        self.assertIn(localized, entry[group])
                        self.assertTrue(entry[group][localized].strip())
                        if key == "Keywords":
                            self.assertTrue(entry[group][localized].endswith(";"))

    def test_every_polkit_description_and_message_has_a_vietnamese_one(self):
        for path in POLICY_FILES:
            for action in ElementTree.parse(path).getroot().iter("action"):
                for tag in ("description", "message"):
                    with self.subTest(file=os.path.basename(path), action=action.get("id"), tag=tag):
                        english = [element.text for element in action.findall(tag) if XML_LANG not in element.attrib]
                        vietnamese = [element.text for element in action.findall(tag)
                                      if element.get(XML_LANG) == LANGUAGE]
                        self.assertEqual(len(english), 1)
                        self.assertEqual(len(vietnamese), 1)
                        self.assertTrue(vietnamese[0].strip())
                        # The prompt fills in the same details ($(child), $(minutes)).
                        self.assertEqual(placeholders(vietnamese[0]), placeholders(english[0]))

    def test_every_metainfo_text_has_a_vietnamese_one_beside_it(self):
        for path in METAINFO_FILES:
            root = ElementTree.parse(path).getroot()
            checked = 0
            for parent in root.iter():
                for tag in ("name", "summary", "p", "li"):
                    children = parent.findall(tag)
                    english = [child for child in children if XML_LANG not in child.attrib]
                    if not english:
                        continue
                    with self.subTest(file=os.path.basename(path), parent=parent.tag, tag=tag):
                        vietnamese = [child for child in children if child.get(XML_LANG) == LANGUAGE]
                        self.assertEqual(len(vietnamese), len(english))
                        self.assertTrue(all(child.text and child.text.strip() for child in vietnamese))
                        # Each translation follows its English text, so a reader can pair them.
                        for original in english:
                            following = children[children.index(original) + 1]
                            self.assertEqual(following.get(XML_LANG), LANGUAGE, original.text)
                    checked += len(english)
            self.assertGreaterEqual(checked, 2 + 2 + 5)  # name, summary, the paragraphs and the list

    def test_the_validators_accept_the_files_when_installed(self):
        ran = []
        if shutil.which("desktop-file-validate"):
            result = subprocess.run(["desktop-file-validate"] + DESKTOP_FILES, capture_output=True, text=True)
            self.assertEqual((result.returncode, result.stdout + result.stderr), (0, ""))
            ran.append("desktop-file-validate")
        if shutil.which("appstreamcli"):
            for path in METAINFO_FILES:
                with tempfile.TemporaryDirectory() as directory:
                    # The file as CMake configures it (installer/CMakeLists.txt).
                    configured = os.path.join(directory, os.path.basename(path)[:-len(".in")])
                    with open(path, encoding="utf-8") as f, open(configured, "w", encoding="utf-8") as out:
                        out.write(f.read().replace("@PROJECT_VERSION@", "0.1.0"))
                    result = subprocess.run(["appstreamcli", "validate", "--no-net", configured],
                                            capture_output=True, text=True)
                    self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            ran.append("appstreamcli")
        dtd = "/usr/share/polkit-1/policyconfig-1.dtd"
        if shutil.which("xmllint") and os.path.exists(dtd):
            result = subprocess.run(["xmllint", "--noout", "--dtdvalid", dtd] + POLICY_FILES,
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            ran.append("xmllint")
        if not ran:
            self.skipTest("none of desktop-file-validate, appstreamcli, xmllint is installed")


if __name__ == "__main__":
    unittest.main()
