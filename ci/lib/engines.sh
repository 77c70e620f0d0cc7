# engines.sh: the deep-state aids' switches as the engines take them.  Each
# aid is on by default with its switch (fuzzers/mutator.h: ALLOCFUZZ_MUTATOR,
# fuzzers/state_probe.h: ALLOCFUZZ_STATE); a comparison runs them in arms:
# neither (the plain engines), one, or both.  AFL++'s side of the mutator
# switch is ci/tools/afl_fuzz.sh's.  Sourced from the repository root, not
# run:  . ci/lib/engines.sh
# No function here sets a variable of its caller.

DEEP_STATE_ARMS="plain mutator feedback both"

# arm_switches ARM: the two switches of ARM as NAME=value words, for
# `env $(arm_switches ARM) CMD` or `export`; status 2 for no such arm.
arm_switches() {
	case $1 in
	plain) echo ALLOCFUZZ_MUTATOR=off ALLOCFUZZ_STATE=off ;;
	mutator) echo ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=off ;;
	feedback) echo ALLOCFUZZ_MUTATOR=off ALLOCFUZZ_STATE=on ;;
	both) echo ALLOCFUZZ_MUTATOR=on ALLOCFUZZ_STATE=on ;;
	*) return 2 ;;
	esac
}

# libfuzzer_flags: libFuzzer flags the switches in the environment ask
# for: with the mutator off, libFuzzer's default length control, which the
# mere presence of a custom mutator turns off, so that the engine is plain.
libfuzzer_flags() {
	[ "${ALLOCFUZZ_MUTATOR:-on}" != off ] || echo -len_control=100
}
