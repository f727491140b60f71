#!/usr/bin/env bash
# Fails when a user-visible string of the console has no finished German translation: runs lupdate over the
# sources into a copy of translations/trellis_de.ts and looks for new or unfinished messages.
set -euo pipefail
lupdate=$1
source_dir=$2
project_in=$3  # what qt_add_translations wrote at configure time: the same sources as `ninja trellis_lupdate`
generator=$4   # Qt's GenerateLUpdateProject.cmake, which turns it into lupdate's project file
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_dir/translations/trellis_de.ts" "$work/trellis_de.ts"
project="$work/project.json"
(cd "$(dirname "$project_in")/.." && cmake -DIN_FILE="$project_in" -DOUT_FILE="$project" -P "$generator")
"$lupdate" -silent -no-obsolete -locations none -project "$project" -ts "$work/trellis_de.ts"
unfinished=$(grep -c 'type="unfinished"' "$work/trellis_de.ts" || true)
if [[ $unfinished -ne 0 ]]; then
  echo "FAIL: $unfinished German translation(s) missing or unfinished; run 'ninja trellis_lupdate' and translate:"
  grep -B3 'type="unfinished"' "$work/trellis_de.ts" | grep '<source>' | sed 's/^ */  /'
  exit 1
fi
if ! diff -q "$source_dir/translations/trellis_de.ts" "$work/trellis_de.ts" >/dev/null; then
  echo "FAIL: translations/trellis_de.ts is out of date with the sources; run 'ninja trellis_lupdate':"
  diff "$source_dir/translations/trellis_de.ts" "$work/trellis_de.ts" | head -20
  exit 1
fi
echo "German complete: $(grep -c '<message' "$work/trellis_de.ts") messages"
