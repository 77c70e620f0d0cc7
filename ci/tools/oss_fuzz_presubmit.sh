#!/bin/sh
# Checks an OSS-Fuzz project directory (project.yaml, Dockerfile, build.sh)
# as OSS-Fuzz's presubmit does (license headers, project.yaml sections,
# constants, e-mails, language, apt-get update, no -lFuzzingEngine, no
# committed seed zip), plus this project's contract: the Dockerfile clones
# main_repo with --depth 1 into the WORKDIR and copies build.sh alone, and
# no value is a placeholder. Values holding "maintainer-must-set" are marked
# for the maintainers to set: each is printed as a warning, not an error.
# Run:
#   sh ci/tools/oss_fuzz_presubmit.sh check DIR    # "error: ..."/"warning: ..." lines; exit 1 on an error
#   sh ci/tools/oss_fuzz_presubmit.sh builds DIR   # the ENGINE-SANITIZER builds OSS-Fuzz makes, one a line
set -u

die() { echo "oss_fuzz_presubmit.sh: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: check DIR | builds DIR"
case $1 in check | builds) ;; *) die "unknown command '$1' (check or builds)" ;; esac
[ -f "$2/project.yaml" ] || die "no $2/project.yaml"

exec python3 - "$1" "$2" <<'PYTHON'
import os, re, sys
import yaml

cmd, d = sys.argv[1], sys.argv[2]
MARK = "maintainer-must-set"
# Upstream's constants (infra/constants.py, presubmit.py, build_lib.ENGINE_INFO).
LANGUAGES = ["c", "c++", "go", "javascript", "jvm", "python", "rust", "swift", "ruby"]
SANITIZERS = ["address", "none", "memory", "undefined", "thread", "coverage", "introspector", "hwaddress"]
ARCHITECTURES = ["i386", "x86_64", "aarch64"]
ENGINES = ["libfuzzer", "afl", "honggfuzz", "centipede", "none", "wycheproof"]
SECTIONS = ["architectures", "auto_ccs", "blackbox", "builds_per_day", "coverage_extra_args",
            "disabled", "disable_remediation", "disable_remediation_pre_review", "fuzzing_engines",
            "help_url", "homepage", "language", "labels", "main_repo", "primary_contact", "run_tests",
            "sanitizers", "selective_unpack", "vendor_ccs", "view_restrictions", "file_github_issue",
            "indexer", "base_os_version"]
ENGINE_SANITIZERS = {"libfuzzer": ["address", "memory", "undefined"], "afl": ["address"],
                     "honggfuzz": ["address"], "centipede": ["address", "none"], "none": ["address"]}
LICENSE = "http://www.apache.org/licenses/LICENSE-2.0"
# Values that look like a stand-in; one that is not marked is an error.
PLACEHOLDER = re.compile(r"example\.(com|org|net|invalid)|\.invalid\b|\.test\b|\.example\b|"
                         r"localhost|\b(TODO|FIXME|CHANGEME|XXX)\b", re.I)

data = yaml.safe_load(open(os.path.join(d, "project.yaml"))) or {}
errors, warnings = [], []

def names(key, default):
    v = data.get(key, default)
    return [list(x)[0] if isinstance(x, dict) else x for x in v]

if cmd == "builds":
    for e in names("fuzzing_engines", ["libfuzzer", "afl", "honggfuzz", "centipede"]):
        for s in names("sanitizers", ["address", "undefined"]):
            if s in ENGINE_SANITIZERS.get(e, []):
                print(f"{e}-{s}")
    print("libfuzzer-coverage")	# the daily coverage build of every C project
    sys.exit(0)

for key, allowed in (("sanitizers", SANITIZERS), ("architectures", ARCHITECTURES),
                     ("fuzzing_engines", ENGINES)):
    for c in data.get(key, []):
        name = list(c)[0] if isinstance(c, dict) and len(c) == 1 else c
        if not isinstance(name, str) or name not in allowed:
            errors.append(f"{c} (in {key}) is not one of {', '.join(allowed)}")
if "main_repo" not in data:
    errors.append("main_repo section is missing")
for name in data:
    if name not in SECTIONS:
        errors.append(f"{name} is not a valid section name")
for mail in ([data["primary_contact"]] if data.get("primary_contact") else []) + list(data.get("auto_ccs") or []):
    if "@" not in mail or "." not in mail:
        (warnings if MARK in str(mail) else errors).append(f"{mail} is an invalid email address")
if data.get("language") not in LANGUAGES:
    errors.append(f"language {data.get('language')!r} is not one of {LANGUAGES}")

def values(x, path=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from values(v, f"{path}{k}.")
    elif isinstance(x, list):
        for v in x:
            yield from values(v, path)
    else:
        yield path.rstrip("."), str(x)

for key, v in values(data):
    if MARK in v.lower():
        warnings.append(f"project.yaml {key} is {v!r}: a maintainer must set it before proposing this upstream")
    elif PLACEHOLDER.search(v):
        errors.append(f"project.yaml {key} is {v!r}, a placeholder: set it, or mark it {MARK}")

for f in ("Dockerfile", "build.sh"):
    p = os.path.join(d, f)
    if not os.path.isfile(p):
        errors.append(f"{f} is missing")
    elif LICENSE not in open(p).read():
        errors.append(f"Missing license header in file {f}")
for f in os.listdir(d):
    if f.endswith(".zip"):
        errors.append(f"{f}: seed corpora are not committed to the OSS-Fuzz repository")
    elif f.endswith(".sh") and f != "build.sh" and LICENSE not in open(os.path.join(d, f)).read():
        errors.append(f"Missing license header in file {f}")

build = open(os.path.join(d, "build.sh")).read() if os.path.isfile(os.path.join(d, "build.sh")) else ""
if any("-lFuzzingEngine" in line.split("#")[0] for line in build.splitlines()):
    errors.append("build.sh uses -lFuzzingEngine: use $LIB_FUZZING_ENGINE")
if build and not re.search(r"^set -[a-z]*e[a-z]*u|^set -[a-z]*u[a-z]*e", build, re.M):
    errors.append("build.sh has no 'set -eu' in its body: 'bash build.sh' would ignore its errors")

docker = open(os.path.join(d, "Dockerfile")).read() if os.path.isfile(os.path.join(d, "Dockerfile")) else ""
lines = [l.strip() for l in re.sub(r"\\\n", " ", docker).splitlines() if l.strip() and not l.strip().startswith("#")]
if "RUN apt install" in docker or "RUN apt-get install" in docker:
    errors.append('Dockerfile: "apt-get update" must come before "apt-get install"')
if docker:
    if not lines or not re.fullmatch(r"FROM gcr\.io/oss-fuzz-base/base-builder", lines[0]):
        errors.append("Dockerfile: the first line must be FROM gcr.io/oss-fuzz-base/base-builder (unpinned, as upstream)")
    clones = [l.split() for l in lines if l.startswith("RUN git clone")]
    main_repo = str(data.get("main_repo", ""))
    if len(clones) != 1 or clones[0][3:5] != ["--depth", "1"] or len(clones[0]) != 7 or clones[0][5] != main_repo:
        errors.append(f"Dockerfile: want one 'RUN git clone --depth 1 {main_repo} DIR' (the sources, from main_repo)")
    else:
        workdirs = [l.split()[1] for l in lines if l.startswith("WORKDIR ")]
        if workdirs[-1:] not in (["$SRC/" + clones[0][6]], [clones[0][6]]):
            errors.append(f"Dockerfile: the last WORKDIR must be $SRC/{clones[0][6]}, the clone")
    copies = [l.split()[1:] for l in lines if l.startswith(("COPY ", "ADD "))]
    if copies != [["build.sh", "$SRC/"]]:
        errors.append("Dockerfile: copy build.sh alone (COPY build.sh $SRC/): the build context holds nothing else")

for w in warnings:
    print(f"warning: {d}: {w}")
for e in errors:
    print(f"error: {d}: {e}")
sys.exit(1 if errors else 0)
PYTHON
