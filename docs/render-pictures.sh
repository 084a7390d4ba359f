#!/usr/bin/env bash
# Renders the pictures of docs/ from the sample county, as a reader sees
# the workbooks: LibreOffice converts them to PDF, pdftoppm renders pages.
# Needs soffice and pdftoppm (Debian: libreoffice-calc-nogui, poppler-utils,
# fonts-noto-cjk). Usage: bash docs/render-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/gongkai run --inbox testdata/sample/inbox --out "$tmp/out" >/dev/null
dir="$tmp/out/2025"
soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
  --convert-to pdf --outdir "$tmp/pdf" \
  "$dir/合浦县_2025年政府信息公开统计汇总.xlsx" "$dir/白沙镇_2025年政府信息公开工作年度报告.xlsx" >/dev/null
county="$tmp/pdf/合浦县_2025年政府信息公开统计汇总.pdf"
unit="$tmp/pdf/白沙镇_2025年政府信息公开工作年度报告.pdf"
# page renders one page of a PDF to docs/NAME.png.
page() { pdftoppm -r 100 -png -singlefile -f "$2" -l "$2" "$1" "docs/$3"; }
page "$unit" 1 unit-table3 # 统计表: 表二 and 表三
page "$county" 1 county-first-sheet # 运行信息
# The monthly trend's charts: the page with the county chart's title.
n=$(pdfinfo "$county" | awk '/^Pages:/ {print $2}')
for i in $(seq 1 "$n"); do
  if pdftotext -f "$i" -l "$i" "$county" - | grep -q "每月主动公开信息和新收申请"; then
    page "$county" "$i" county-monthly-chart
    break
  fi
done
ls -l docs/*.png
