# Allocator edges and state features over time of one target, both engines' inputs mapped
# by AFL++'s binary (bench/coverage_time.sh sets out, lf, afl, title).
set terminal pngcairo size 900,500 noenhanced
set output out
set title title
set xlabel 'seconds (log)'
set logscale x
set xrange [0.01:*]
set ylabel 'allocator edges'
set y2label 'state features'
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set key bottom right
set datafile separator "\t"
set datafile columnheaders
plot lf using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 lc 1 title 'libFuzzer: allocator edges', \
     lf using ($1 < 0.01 ? 0.01 : $1):3 with steps lw 2 dt 2 lc 1 axes x1y2 title 'libFuzzer: state features (right)', \
     afl using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 lc 2 title 'AFL++: allocator edges', \
     afl using ($1 < 0.01 ? 0.01 : $1):3 with steps lw 2 dt 2 lc 2 axes x1y2 title 'AFL++: state features (right)'
