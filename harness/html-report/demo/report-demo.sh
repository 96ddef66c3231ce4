#!/usr/bin/env bash
# The HTML reports of the README: the bundled suite on the three embedded models (one report of one run, one of all
# three), a merged-vs-fine-tuned view with the embedded models standing in (tiny-gpt-mix as the "merged" model,
# tiny-gpt and tiny-gpt-seed2 as specialists of two subjects) and the signal-and-noise demo's SNR report. Writes
# under reports/report-demo/. Run from the repository root after `mvn -q -DskipTests package`:
#   harness/html-report/demo/report-demo.sh
set -euo pipefail
P=(java -jar harness/cli/target/proctor.jar)
out=reports/report-demo
models=(tiny-gpt tiny-gpt-seed2 tiny-gpt-mix)
for m in "${models[@]}"; do
  [ -f "$out/runs/$m/results.json" ] || "${P[@]}" run --model "embedded:$m" --out "$out/runs/$m" --no-progress > /dev/null
done
[ -f reports/snr-embedded/snr-bpb/stats.json ] || harness/stats/demo/snr-embedded.sh bpb 3 > /dev/null
"${P[@]}" report "$out/runs/tiny-gpt" --out "$out/one"
"${P[@]}" report "$out/runs/tiny-gpt" "$out/runs/tiny-gpt-seed2" "$out/runs/tiny-gpt-mix" --out "$out/three"
"${P[@]}" report --merged "$out/runs/tiny-gpt-mix" \
  --finetuned "synthetic:geography_en=$out/runs/tiny-gpt,synthetic:science_zh=$out/runs/tiny-gpt-seed2" \
  --snr reports/snr-embedded/snr-bpb --out "$out/merged-snr"
