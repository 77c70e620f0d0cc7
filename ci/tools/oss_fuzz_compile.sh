#!/bin/sh
# The OSS-Fuzz builder, imitated without Docker: lays out $SRC as a project's
# Dockerfile would (stage), then runs its build.sh with the environment the
# base-builder image and its `compile` give for one engine and sanitizer
# (compile). Used by ci/oss_fuzz_check.sh and ci/tests/oss_fuzz_contract.sh.
# Run:
#   sh ci/tools/oss_fuzz_compile.sh stage oss-fuzz|cflite TREE SRC   # prints the WORKDIR
#   sh ci/tools/oss_fuzz_compile.sh compile ENGINE SANITIZER SRC WORKDIR OUT WORK [builder|bash|exec]
# TREE is an allocfuzz source tree (the work tree, not a clone: uncommitted
# changes are built too). The last compile argument is how build.sh is started:
# as the builder does (bash -eux, the default), as plain "bash build.sh", or
# through its #! line.
set -eu

die() { echo "oss_fuzz_compile.sh: $*" >&2; exit 2; }

# copy_tree TREE DEST: the source tree as "COPY ." or "git clone" brings it:
# without Bazel's output links, out/ and git's own files.
copy_tree() {
	mkdir -p "$2"
	(cd "$1" && tar --exclude=./.git --exclude='./bazel-*' --exclude=./out -cf - .) | (cd "$2" && tar -xf -)
}

# stage LAYOUT TREE SRC: runs the Dockerfile's FROM/RUN/COPY/WORKDIR lines
# against SRC; anything this imitation cannot do is an error, not a skip.
stage() {
	layout=$1 tree=$(cd "$2" && pwd) src=$3
	case $layout in
	oss-fuzz) context="$tree/ci/oss-fuzz" ;;	# upstream builds in projects/<name>/ alone
	cflite) context="$tree" ;;			# ClusterFuzzLite builds in the repository root
	*) die "stage: layout must be oss-fuzz or cflite, not '$layout'" ;;
	esac
	dockerfile=$([ "$layout" = cflite ] && echo "$tree/.clusterfuzzlite/Dockerfile" || echo "$context/Dockerfile")
	[ -f "$dockerfile" ] || die "no $dockerfile"
	mkdir -p "$src"
	src=$(cd "$src" && pwd)
	cwd=$src	# base-builder's WORKDIR is $SRC
	# Dockerfile lines, continuations joined, comments dropped.
	sed -e 's/#.*//' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' |
		sed -e "s|\\\$SRC|$src|g" -e 's/[[:space:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//' | grep -v '^$' >"$src/.dockerfile-lines"
	while read -r op rest; do
		case $op in
		FROM)
			case $rest in gcr.io/oss-fuzz-base/base-builder*) ;; *) die "FROM $rest: not the base-builder image" ;; esac
			;;
		RUN)
			case $rest in
			"apt-get update && apt-get install -y "*)
				# The packages come from ci/setup.sh here; check that each is installed.
				for p in ${rest#"apt-get update && apt-get install -y "}; do
					dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
						die "RUN apt-get: package $p is not installed here (ci/setup.sh)"
				done
				;;
			"git clone --depth 1 "*)
				set -- ${rest#"git clone --depth 1 "}
				[ $# -eq 2 ] || die "RUN git clone: want URL DIR, got: $rest"
				# The URL is the project's main_repo; the local tree stands in for it.
				copy_tree "$tree" "$cwd/$2"
				;;
			*) die "RUN $rest: this imitation only knows apt-get install and git clone" ;;
			esac
			;;
		COPY)
			set -- $rest
			[ $# -ge 2 ] || die "COPY $rest: want SOURCE... DEST"
			eval "dest=\${$#}"
			case $dest in /*) ;; *) dest="$cwd/$dest" ;; esac
			while [ $# -gt 1 ]; do
				s="$context/$1"
				[ -e "$s" ] || die "COPY $1: not in the build context $context"
				if [ -d "$s" ]; then
					copy_tree "$s" "$dest"
				else
					case $dest in */) mkdir -p "$dest" ;; esac
					cp "$s" "$dest"
				fi
				shift
			done
			;;
		WORKDIR)
			case $rest in /*) cwd=$rest ;; *) cwd="$cwd/$rest" ;; esac
			mkdir -p "$cwd"
			;;
		*) die "$op $rest: this imitation only knows FROM, RUN, COPY and WORKDIR" ;;
		esac
	done <"$src/.dockerfile-lines"
	rm -f "$src/.dockerfile-lines"
	[ -f "$src/build.sh" ] || die "the Dockerfile puts no build.sh in \$SRC"
	echo "$cwd"
}

# The base-clang image's CFLAGS (CXXFLAGS adds -stdlib=libc++, left out here:
# Debian's libFuzzer is built against libstdc++) and its per-sanitizer flags.
BASE_CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -Wno-error=incompatible-function-pointer-types -Wno-error=int-conversion -Wno-error=deprecated-declarations -Wno-error=implicit-function-declaration -Wno-error=implicit-int -Wno-error=unknown-warning-option -Wno-error=vla-cxx-extension -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
UBSAN_CHECKS="array-bounds,bool,builtin,enum,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unsigned-integer-overflow,unreachable,vla-bound,vptr"
UBSAN_FATAL="array-bounds,bool,builtin,enum,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound,vptr"

sanitizer_flags() {	# sanitizer_flags SANITIZER
	case $1 in
	address) echo "-fsanitize=address -fsanitize-address-use-after-scope" ;;
	undefined) echo "-fsanitize=$UBSAN_CHECKS -fno-sanitize-recover=$UBSAN_FATAL" ;;
	memory) echo "-fsanitize=memory -fsanitize-memory-track-origins" ;;
	coverage) echo "" ;;
	*) die "sanitizer must be address, undefined, memory or coverage, not '$1'" ;;
	esac
}

# compile ENGINE SANITIZER SRC WORKDIR OUT WORK [START]: as `compile` does.
compile() {
	engine=$1 sanitizer=$2 src=$3 workdir=$4 out=$5 work=$6 start=${7:-builder}
	san=$(sanitizer_flags "$sanitizer")
	case $engine in
	libfuzzer) cov="-fsanitize=fuzzer-no-link" ;;
	afl) cov="" ;;	# AFL++ brings its own instrumentation
	*) die "engine must be libfuzzer or afl, not '$engine'" ;;
	esac
	[ "$sanitizer" = coverage ] &&
		cov="-fprofile-instr-generate -fcoverage-mapping -pthread -Wl,--no-as-needed -Wl,-ldl -Wl,-lm -Wno-unused-command-line-argument"
	[ "$engine" = afl ] && [ "$sanitizer" != address ] && die "OSS-Fuzz builds AFL++ with address only"
	mkdir -p "$out" "$work"
	export SRC="$src" OUT="$out" WORK="$work" SANITIZER="$sanitizer" FUZZING_ENGINE="$engine"
	export ARCHITECTURE=x86_64 FUZZING_LANGUAGE=c UBSAN_OPTIONS=silence_unsigned_overflow=1
	export CFLAGS="$BASE_CFLAGS $san $cov"
	export CXXFLAGS="$CFLAGS"
	[ "$sanitizer" = undefined ] && export CFLAGS="$CFLAGS -fno-sanitize=function"	# compile: C only
	if [ "$engine" = libfuzzer ]; then
		export CC=clang-14 CXX=clang++-14 LIB_FUZZING_ENGINE="-fsanitize=fuzzer"
	else
		export CC=afl-clang-fast CXX=afl-clang-fast++ LIB_FUZZING_ENGINE=/usr/lib/afl/libAFLDriver.a
		# compile_afl: the AFL++ tools go to $OUT, and its build settings.
		for f in /usr/bin/afl-*; do cp -L "$f" "$out/"; done
		export AFL_QUIET=1 AFL_IGNORE_PROBLEMS=1 AFL_IGNORE_UNKNOWN_ENVS=1
		export ASAN_OPTIONS="detect_leaks=0:symbolize=0:detect_odr_violation=0:abort_on_error=1"
		env | grep '^AFL_' >"$out/afl_options.txt"
	fi
	cp -L "$(command -v llvm-symbolizer-14)" "$out/llvm-symbolizer"
	echo "CC=$CC CXX=$CXX"
	echo "CFLAGS=$CFLAGS"
	echo "CXXFLAGS=$CXXFLAGS"
	cd "$workdir"
	case $start in
	builder) bash -eux "$SRC/build.sh" ;;
	bash) bash "$SRC/build.sh" ;;
	exec) chmod +x "$SRC/build.sh" && "$SRC/build.sh" ;;
	*) die "start must be builder, bash or exec, not '$start'" ;;
	esac || return 1
	if [ "$sanitizer" = coverage ]; then
		# compile keeps the compiled sources for the report: $SRC and $WORK under $OUT
		# (also /usr/include, left out: no system header holds our code).
		cp -rL --parents "$SRC" "$WORK" "$OUT" 2>/dev/null || true
	fi
}

[ $# -ge 1 ] || die "usage: stage LAYOUT TREE SRC | compile ENGINE SANITIZER SRC WORKDIR OUT WORK [START]"
cmd=$1
shift
case $cmd in
stage) [ $# -eq 3 ] || die "usage: stage oss-fuzz|cflite TREE SRC"; stage "$@" ;;
compile) [ $# -ge 6 ] && [ $# -le 7 ] || die "usage: compile ENGINE SANITIZER SRC WORKDIR OUT WORK [builder|bash|exec]"; compile "$@" ;;
*) die "unknown command '$cmd' (stage or compile)" ;;
esac
