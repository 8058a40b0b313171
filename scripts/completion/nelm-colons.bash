
# Added by nelm's `make install` after the script swift-argument-parser generates.
# Case ids can hold colons (random:SEED:TOPIC), and bash splits words at colons
# (COMP_WORDBREAKS), so the generated _nelm would see `random`, `:` and `42`. This joins the
# word under the cursor back together for _nelm, then hands bash the candidates without the
# part before the last colon, which bash keeps as typed.
_nelm_joining_colons() {
    local word="${COMP_LINE:0:COMP_POINT}"
    word="${word##*[[:blank:]]}"
    if [[ "${word}" != *:* ]]; then
        _nelm "$@"
        [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" == *: ]] && compopt -o nospace
        return
    fi
    local -a words=("${COMP_WORDS[@]::COMP_CWORD+1}")
    local joined=""
    while [[ ${#words[@]} -gt 1 && "${joined}" != "${word}" ]]; do
        joined="${words[${#words[@]}-1]}${joined}"
        unset 'words[${#words[@]}-1]'
    done
    [[ "${joined}" == "${word}" ]] || { _nelm "$@"; return; }
    local -a COMP_WORDS=("${words[@]}" "${word}")
    local COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _nelm "${1}" "${word}" "${COMP_WORDS[COMP_CWORD-1]}"
    local typed="${word%"${word##*:}"}"
    local -a kept=()
    local candidate
    for candidate in "${COMPREPLY[@]}"; do
        [[ -n "${candidate#"${typed}"}" ]] && kept+=("${candidate#"${typed}"}")
    done
    COMPREPLY=("${kept[@]}")
    # `random:` is a start, not a whole id: no space after it.
    [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" == *: ]] && compopt -o nospace
}
complete -o filenames -F _nelm_joining_colons nelm
