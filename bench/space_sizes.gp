# space_sizes.gp: the workload's compressed-size histogram, LZO and LZ4 side
# by side in 128-byte bins, with the callers' thresholds marked.
# Run by space.sh: gnuplot -e "out='sizes.png'; data='DATA/histogram.tsv'; title='...'" space_sizes.gp
set terminal pngcairo size 960,480 noenhanced font ",10"
set output out
set datafile separator "\t"
set title title
set xlabel "compressed size (bytes, 128-byte bins)"
set ylabel "pages (%)"
set grid ytics
set key outside bottom center horizontal
set style fill solid 0.6 noborder
set boxwidth 60
set xrange [0:*]
set yrange [0:*]
set arrow 1 from 2048, graph 0 to 2048, graph 1 nohead dashtype 3 lc rgb "gray40"
set arrow 2 from 3072, graph 0 to 3072, graph 1 nohead dashtype 2 lc rgb "gray40"
set arrow 3 from 3584, graph 0 to 3584, graph 1 nohead dashtype 4 lc rgb "gray40"
set label 1 "PAGE_SIZE/2" at 2048, graph 0.95 right offset -0.5,0
set label 2 "ramzswap: own page above 3072" at 3072, graph 0.88 right offset -0.5,0
set label 3 "zcache: rejected above 3584" at 3584, graph 0.81 left offset 0.5,0
plot data skip 1 using ($1 + 32):5 with boxes lc rgb "#1f77b4" title "LZO (lzo1x_1_compress)", \
     data skip 1 using ($1 + 96):6 with boxes lc rgb "#d62728" title "LZ4 (LZ4_compress_default)"
