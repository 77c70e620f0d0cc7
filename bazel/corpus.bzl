"""text_corpus: the committed text inputs of one directory of corpus/,
encoded into fuzz-input bytes by //fuzzers:opstext at build time, so every
seed input is reviewable text and the bytes are never edited by hand."""

def text_corpus(name):
    txts = native.glob([name + "/*.txt"])
    outs = ["bin/%s/%s" % (name, t[len(name) + 1:-len(".txt")]) for t in txts]
    native.genrule(
        name = name,
        srcs = txts,
        outs = outs,
        tools = ["//fuzzers:opstext"],
        cmd = " && ".join([
            "$(location //fuzzers:opstext) encode $(location %s) $(location %s)" % (t, o)
            for t, o in zip(txts, outs)
        ]),
        visibility = ["//visibility:public"],
    )
