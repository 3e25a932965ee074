#!/bin/sh
# Play one scenario with the keyboard under a real X server (Xvfb) and save a screenshot of each scene.
#   .ci/xvfb_smoke.sh [ARTIFACTS_DIR]        needs: xvfb-run, xdotool, imagemagick (import)
set -eu
cd "$(dirname "$0")/.."
OUT="${1:-artifacts/xvfb}"
mkdir -p "$OUT"
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
DATA="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1024x600x24" sh -c '
  set -eu
  OUT="$1"; PY="$2"; DATA="$3"
  SDL_AUDIODRIVER=dummy "$PY" main.py --data-dir "$DATA" --size 1024x600 --no-voice &
  GAME=$!
  shot() { sleep 1.2; import -window root "$OUT/$1.png"; }
  key() { xdotool key --delay 150 "$@"; sleep 0.4; }
  sleep 4
  shot 1-start
  key shift+Tab                               # focus starts on the scenario list; back to the name box
  xdotool type --delay 120 "Łucja Ștefănescu"
  key Return                                  # name kept; focus moves to the scenario list
  key Return                                  # play the selected scenario
  shot 2-play
  key 1
  shot 3-play-turn
  key Escape
  shot 4-pause
  key Return                                  # resume
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do key 1; done
  shot 5-ending
  key Return
  shot 6-debrief
  key Escape
  shot 7-start-again
  # The game must still be running (screenshots of the root window exist even if it died).
  kill -0 "$GAME" || { echo "xvfb smoke: the game exited early" >&2; exit 1; }
  kill "$GAME" 2>/dev/null || true
' sh "$OUT" "$PY" "$DATA"
# A whole scenario was played: its result is in the store.
"$PY" -m simulator results --data-dir "$DATA" > "$OUT/results.txt"
[ -s "$OUT/results.txt" ] || { echo "xvfb smoke: no result was saved" >&2; exit 1; }
cat "$OUT/results.txt"
rm -rf "$DATA"
ls -l "$OUT"
