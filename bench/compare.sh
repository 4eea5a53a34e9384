#!/usr/bin/env bash
# compare.sh: build the same corpus with offenbar and with Hugo, side by side.
#
#   bench/compare.sh [N ...]          default: 1000 10000
#
# For each N it writes one site with N articles (about 600 words each, TOML
# front matter) plus the example's instrument, rounds, pages, site.toml and
# templates, then builds it REPS times (default 3) with each generator into
# OUT (default /dev/shm/offenbar-bench, tmpfs) and prints the medians of wall
# time and peak RSS, and offenbar's share of Hugo's.
#
# The articles come from ../shared/bench/gencorpus when that directory exists
# (the corpus the team's Hugo reference figures were measured on); otherwise
# from `go run ./generator corpus`, and Hugo is left out. Hugo runs when
# `hugo` (or $HUGO) is installed: apt-get install -y hugo time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/tmp/offenbar-bench}
out=${OUT:-/dev/shm/offenbar-bench}
reps=${REPS:-3}
hugo=${HUGO:-hugo}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -x /usr/bin/time ] || { echo "need /usr/bin/time: apt-get install -y time" >&2; exit 1; }
mkdir -p "$work" "$out"

(cd "$root" && go build -o "$work/offenbar" ./generator)
shared=$root/../shared/bench
if [ -d "$shared/gencorpus" ]; then
  (cd "$shared" && go build -o "$work/gencorpus" ./gencorpus)
fi
command -v "$hugo" >/dev/null 2>&1 || hugo=""

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# measure CMD...: prints "seconds kilobytes", medians over $reps runs.
measure() {
  local secs=() kbs=()
  for _ in $(seq "$reps"); do
    rm -rf "$out/site"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
    read -r s k <"$work/time.txt"
    secs+=("$s"); kbs+=("$k")
  done
  echo "$(printf '%s\n' "${secs[@]}" | median) $(printf '%s\n' "${kbs[@]}" | median)"
}

printf 'machine: %s cores, %s; %s; output on %s\n' "$(nproc)" "$(uname -m)" "$("$work/offenbar" 2>&1 | head -0; go version | cut -d' ' -f3)" "$out"
[ -n "$hugo" ] && echo "hugo: $("$hugo" version | cut -d' ' -f2)"
printf '%8s  %10s %10s  %10s %10s  %8s %8s\n' N offenbar_s offenbar_MB hugo_s hugo_MB time_x rss_x
for n in "${sizes[@]}"; do
  site=$work/site-$n
  if [ ! -f "$site/site.toml" ]; then
    rm -rf "$site"
    if [ -x "$work/gencorpus" ]; then
      "$work/gencorpus" -n "$n" -out "$site" -seed 1 >/dev/null
      cp -r "$root/templates" "$root/site.toml" "$site/"
      mkdir -p "$site/content"
      cp -r "$root/content/selfcheck" "$root/content/pages" "$site/content/"
    else
      "$work/offenbar" corpus -s "$root" -n "$n" "$site" >/dev/null
    fi
  fi
  read -r os ok < <(cd "$root" && measure "$work/offenbar" build -s "$site" -d "$out/site")
  hs=- hk=- tx=- rx=-
  if [ -n "$hugo" ] && [ -f "$site/hugo.toml" ]; then
    read -r hs hk < <(measure "$hugo" --quiet -s "$site" -d "$out/site")
    tx=$(awk -v a="$os" -v b="$hs" 'BEGIN{printf "%.2f", a/b}')
    rx=$(awk -v a="$ok" -v b="$hk" 'BEGIN{printf "%.2f", a/b}')
    hk=$(awk -v k="$hk" 'BEGIN{printf "%.0f", k/1024}')
  fi
  printf '%8s  %10s %10.0f  %10s %10s  %8s %8s\n' "$n" "$os" "$(awk -v k="$ok" 'BEGIN{print k/1024}')" "$hs" "$hk" "$tx" "$rx"
done
