# triage.sh: one crash minimized and decoded.  Sourced from the repository
# root, not run:  . ci/lib/triage.sh
# No function here sets a variable of its caller.

# triage_crash DIR TARGET BINDIR: DIR/original is a crash input of TARGET;
# minimizes it with BINDIR/TARGET_libfuzzer into DIR/minimized (a copy of the
# original if it does not minimize), decodes both into .txt with
# BINDIR/opstext, and keeps the replay's report in DIR/report.txt. The
# original is never changed. The sanitizer options come from the caller's
# environment (sanitizers.sh's sanitizer_options).
triage_crash() (
	d=$1 t=$2 b=$3
	# libFuzzer's own byte mutations: minimize_crash keeps any smaller input
	# that crashes, and whole-operation deletions drift to another crash
	# (another signature) far sooner than byte changes do.
	# Bounded: under TSan, two threads crashing at once can deadlock libFuzzer's
	# crash handler against TSan's report lock, and the run would never end.
	( ALLOCFUZZ_MUTATOR=off timeout -k 10 300 "$b/${t}_libfuzzer" -minimize_crash=1 -runs=10000 \
		-exact_artifact_path="$d/minimized" "$d/original" >"$d/minimize.log" 2>&1; : ) 2>/dev/null
	[ -s "$d/minimized" ] || cp "$d/original" "$d/minimized"
	( "$b/${t}_replay" "$d/minimized" >"$d/report.txt" 2>&1; : ) 2>/dev/null
	# Even so a smaller input may crash another way: then the original stands.
	if [ "$(sh ci/tools/signature.sh <"$d/report.txt")" != "$( ("$b/${t}_replay" "$d/original" 2>&1; :) 2>/dev/null |
		sh ci/tools/signature.sh)" ]; then
		cp "$d/original" "$d/minimized"
		( "$b/${t}_replay" "$d/minimized" >"$d/report.txt" 2>&1; : ) 2>/dev/null
	fi
	"$b/opstext" decode "$d/minimized" "$d/minimized.txt"
	"$b/opstext" decode "$d/original" "$d/original.txt"
)
