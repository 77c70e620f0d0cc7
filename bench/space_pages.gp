# space_pages.gp: one compressor and policy of the space benchmark: pool
# pages of each allocator variant against the ideal over the operations
# (top), and the overhead in percent once the ideal is 50 pages or more (bottom).
# Run by space.sh: gnuplot -e "out='X.png'; dir='DATA'; run='lzo-zcache'; fill=N; title='...'" space_pages.gp
set terminal pngcairo size 960,720 noenhanced font ",10"
set output out
set datafile separator "\t"
f(a) = sprintf("%s/samples-%s-%s.tsv", dir, a, run)
set multiplot layout 2,1 title title
set grid
set key outside bottom center horizontal
set xlabel "operation (fill phase left of the dashed line, churn right)"
set arrow 1 from fill, graph 0 to fill, graph 1 nohead dashtype 2 lc rgb "gray40"
set ylabel "pages"
set yrange [0:*]
set autoscale xfixmax
set format x "%.0s%c"
plot f("xvmalloc-fixed") skip 1 using 1:6 with lines lw 3 lc rgb "gray60" title "ideal: live compressed bytes / 4096", \
     f("xvmalloc-fixed") skip 1 using 1:7 with lines lw 1.5 lc rgb "#1f77b4" title "xvmalloc fixed", \
     f("xvmalloc-seed") skip 1 using 1:7 with lines lw 1.5 dt 2 lc rgb "#17becf" title "xvmalloc seed", \
     f("xcfmalloc-fixed") skip 1 using 1:7 with lines lw 1.5 lc rgb "#d62728" title "xcfmalloc fixed (reserve excluded)", \
     f("xcfmalloc-seed") skip 1 using 1:7 with lines lw 1.5 dt 2 lc rgb "#ff7f0e" title "xcfmalloc seed (reserve excluded)"
set ylabel "overhead: pages / ideal - 1 (%)"
set yrange [*:*]
over(p, i) = i >= 50 ? (p / i - 1) * 100 : NaN
plot f("xvmalloc-fixed") skip 1 using 1:(over($7, $6)) with lines lw 1.5 lc rgb "#1f77b4" title "xvmalloc fixed", \
     f("xvmalloc-seed") skip 1 using 1:(over($7, $6)) with lines lw 1.5 dt 2 lc rgb "#17becf" title "xvmalloc seed", \
     f("xcfmalloc-fixed") skip 1 using 1:(over($7, $6)) with lines lw 1.5 lc rgb "#d62728" title "xcfmalloc fixed", \
     f("xcfmalloc-seed") skip 1 using 1:(over($7, $6)) with lines lw 1.5 dt 2 lc rgb "#ff7f0e" title "xcfmalloc seed"
unset multiplot
