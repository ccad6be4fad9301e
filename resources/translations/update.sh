#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes the Qt Linguist files from the sources. -I lets lupdate read the headers, which it
# needs to name contexts after the namespaced classes (sundial::ui::ChildWindow).
set -euo pipefail
cd "$(dirname "$0")/../.."
for ts in resources/translations/sundial_*.ts; do
    /usr/lib/qt6/bin/lupdate -I "$PWD" ui/shared ui/tray ui/console -ts "$ts" -no-obsolete
done
