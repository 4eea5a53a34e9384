#!/usr/bin/env bash
# Makes the example's placeholder for a video in German Sign Language:
# text on a blue card, 14 seconds, VP9 in WebM, about 70 KB. Nothing is
# downloaded; it needs Debian's ffmpeg and fonts-dejavu-core.
set -euo pipefail
cd "$(dirname "$0")/../content/pages/gebaerdensprache"
F=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ffmpeg -y -loglevel error -f lavfi -i "color=c=0x1d5f95:s=640x360:d=14:r=15" -vf "\
drawtext=fontfile=$F:text='Testvideo':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=60,\
drawtext=fontfile=$F:text='Deutsche Gebärdensprache':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=120,\
drawtext=fontfile=$F:text='Hier erklärt später eine Dolmetscherin':fontcolor=white:fontsize=22:x=(w-text_w)/2:y=200:enable='gte(t,4)',\
drawtext=fontfile=$F:text='den Selbstcheck Weltoffene Kommune.':fontcolor=white:fontsize=22:x=(w-text_w)/2:y=235:enable='gte(t,4)',\
drawtext=fontfile=$F:text='Beispiel – Lindenbrück ist erfunden.':fontcolor=0xfff8d6:fontsize=18:x=(w-text_w)/2:y=300:enable='gte(t,9)'" \
  -c:v libvpx-vp9 -b:v 80k -an dgs-selbstcheck.webm
