#!/usr/bin/env bash
# Renders the first page of every Word export of the demo data with LibreOffice, for the
# README (make pages): each meeting's minutes in English and German (the planned one is an
# agenda), the follow-up checklist, the glossary and the dashboard. Needs soffice and
# pdftoppm (LibreOffice, poppler); the tool is ../shared/tools/docx-to-png or the same
# two commands.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli="$root/.venv/bin/alignmeet-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ALIGNMEET_PAPER=a4
"$cli" demo --db "$work/demo.sqlite3" >/dev/null
for lang in en de; do
  for meeting in 1 2 3; do
    "$cli" --language "$lang" export minutes --db "$work/demo.sqlite3" --meeting "$meeting" \
      --out "$work/minutes-$meeting-$lang.docx" >/dev/null
  done
  "$cli" --language "$lang" export followups --db "$work/demo.sqlite3" --out "$work/checklist-$lang.docx" >/dev/null
  "$cli" --language "$lang" export glossary --db "$work/demo.sqlite3" --out "$work/glossary-$lang.docx" >/dev/null
  "$cli" --language "$lang" export dashboard --db "$work/demo.sqlite3" --period 2026-11 \
    --out "$work/dashboard-$lang.docx" >/dev/null
done
profile=$(mktemp -d)
for doc in "$work"/*.docx; do
  name=$(basename "${doc%.docx}")
  timeout 120 soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf \
    --outdir "$work" "$doc" >/dev/null 2>&1
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$name.pdf" "$here/$name"
done
rm -rf "$profile"
ls "$here"/*.png
