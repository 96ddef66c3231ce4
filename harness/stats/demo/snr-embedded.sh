#!/usr/bin/env bash
# Signal and noise of the bundled suite, measured on Proctor's own models: the three embedded runs give the
# signal (spread across models), the last checkpoints of the default run (3 unless given) give the noise. Writes every run
# and the SNR report under reports/snr-embedded/. Run from the repository root after `mvn -q -DskipTests package`:
#   harness/stats/demo/snr-embedded.sh [bpb|acc|acc_norm] [LAST]
set -euo pipefail
P=(java -jar harness/cli/target/proctor.jar)
out=reports/snr-embedded
metric=${1:-bpb}   # bits per byte of the gold answer: continuous, as the paper uses at small scale
last=${2:-3}   # noise over the last checkpoints only: the early ones are still learning
models=(tiny-gpt tiny-gpt-seed2 tiny-gpt-mix)
checkpoints=($("${P[@]}" models | sed -n 's#^ *\(tiny-gpt-checkpoints/step-[0-9]*\).*#\1#p'))
for m in "${models[@]}" "${checkpoints[@]}"; do
  "${P[@]}" run --model "embedded:$m" --out "$out/runs/${m//\//_}" --no-progress > /dev/null
done
join() { local IFS=,; echo "$*"; }
signal=(); for m in "${models[@]}"; do signal+=("$out/runs/$m"); done
noise=(); for m in "${checkpoints[@]}"; do noise+=("$out/runs/${m//\//_}"); done
"${P[@]}" snr --signal "$(join "${signal[@]}")" --noise "$(join "${noise[@]}")" --metric "$metric" --last "$last" \
  --out "$out/snr-$metric" --write-tasks "$out/kept-$metric.txt"
