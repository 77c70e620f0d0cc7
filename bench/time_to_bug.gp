# Survival of one finding: share of trials that have not found it by time t, per arm and
# engine (bench/time_to_bug.sh sets out, dir, id, arms, engines, limit).
set terminal pngcairo size 900,500 noenhanced
set output out
set title id.': share of trials that have not found it (solid: libFuzzer, dashed: AFL++)'
set xlabel 'seconds (log)'
set ylabel 'trials not yet found'
set logscale x
set xrange [0.01:limit]
set yrange [0:1.05]
set key outside right
set datafile separator "\t"
set datafile columnheaders
eng(e) = (e eq 'afl') ? 'AFL++' : 'libFuzzer'
plot for [j = 1:words(engines)] for [i = 1:words(arms)] \
	dir.'/survival-'.id.'-'.word(engines, j).'-'.word(arms, i).'.tsv' \
	using ($1 < 0.01 ? 0.01 : $1):2 with steps lw 2 dt j lc i title word(arms, i).' '.eng(word(engines, j))
