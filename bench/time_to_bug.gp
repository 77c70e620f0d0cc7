# Share of trials that found each finding by time t (bench/time_to_bug.sh sets out, dir, ids, limit).
set terminal pngcairo size 1000,550 noenhanced
set output out
set title 'Time to bug: share of trials that found each finding (solid: libFuzzer, dashed: AFL++)'
set xlabel 'seconds (log)'
set ylabel 'trials that found it'
set logscale x
set xrange [0.01:limit]
set yrange [0:1.05]
set key outside right
set datafile separator "\t"
set datafile columnheaders
plot for [i = 1:words(ids)] dir.'/survival-'.word(ids, i).'-libfuzzer.tsv' using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 lc i title word(ids, i).' libFuzzer', \
     for [i = 1:words(ids)] dir.'/survival-'.word(ids, i).'-afl.tsv' \
         using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 dt 2 lc i title word(ids, i).' AFL++'
