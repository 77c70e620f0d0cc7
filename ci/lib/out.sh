# out.sh: a command's output directory, always a new one.
# Sourced from the repository root, not run:  . ci/lib/out.sh
# No function here sets a variable of its caller.

# new_out WHO DIR: creates DIR and prints its absolute path; a command
# never writes into an old output, so an existing DIR is refused (status 2).
new_out() {
	if [ -e "$2" ] || [ -L "$2" ]; then
		echo "$1: $2 exists; nothing is written into an old output" >&2
		return 2
	fi
	mkdir -p "$2" && (cd "$2" && pwd)
}
