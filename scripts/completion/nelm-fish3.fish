
# Added by nelm's `make install` after the script swift-argument-parser generates.
# For the values nelm completes itself (learners, case ids, glossary terms), the generated
# script asks fish for the cursor's place in the current word with `commandline -tC`, which
# fish 3 (Debian 12 has 3.6) does not answer, so the call back into nelm came without it
# and failed. On fish 3 the place is the length of the word up to the cursor.
functions --copy __nelm_tokens __nelm_tokens_as_generated
function __nelm_tokens
    if test "$argv" = -tC; and test (string split -m 1 -f 1 -- . "$FISH_VERSION") -le 3
        string length -- "$(commandline -ct)"
    else
        __nelm_tokens_as_generated $argv
    end
end
