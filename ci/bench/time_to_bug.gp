# Share of trials that found each finding by time t (ci/bench/time_to_bug.sh sets out, dir, ids, limit).
set terminal pngcairo size 900,500 noenhanced
set output out
set title 'Time to bug: share of trials that found each finding'
set xlabel 'seconds (log)'
set ylabel 'trials that found it'
set logscale x
set xrange [0.01:limit]
set yrange [0:1.05]
set key outside right
set datafile separator "\t"
set datafile columnheaders
plot for [id in ids] dir.'/survival-'.id.'.tsv' using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 title id
