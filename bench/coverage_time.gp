# Coverage over time of one target (bench/coverage_time.sh sets out, lf, afl, title).
set terminal pngcairo size 900,500 noenhanced
set output out
set title title
set xlabel 'seconds (log)'
set logscale x
set xrange [0.01:*]
set ylabel "libFuzzer cov:"
set y2label "AFL++ edges (queue entries, afl-showmap)"
set ytics nomirror
set yrange [0:*]
set y2range [0:*]
set y2tics
set key bottom right
set datafile separator "\t"
set datafile columnheaders
plot lf using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 title 'libFuzzer (left axis)', \
     afl using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 axes x1y2 title 'AFL++ (right axis)', \
     afl using ($1 < 0.01 ? 0.01 : $1):2 with points pt 7 lc 2 axes x1y2 notitle
