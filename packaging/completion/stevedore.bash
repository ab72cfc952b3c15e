# bash completion for stevedore. The candidates come from `stevedore __complete WORD...`:
# a first line saying what to offer (words, files or folders), then for words one candidate a
# line, "candidate<TAB>description".
_stevedore()
{
    local current cword
    local -a words answer
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # bash-completion keeps words whole that bash splits at ':' and '=', such as the
        # account name env:GITLAB_HOST.
        _get_comp_words_by_ref -n =: -c current -w words -i cword
    else
        current=${COMP_WORDS[COMP_CWORD]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    mapfile -t answer < <("${words[0]}" __complete "${words[@]:1:cword}" 2>/dev/null)
    COMPREPLY=()
    case ${answer[0]} in
    files)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$current")
        ;;
    folders)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$current")
        ;;
    words)
        local line
        for line in "${answer[@]:1}"; do
            COMPREPLY+=("${line%%$'\t'*}")
        done
        # What bash replaces is the part after the last ':' of the word.
        if declare -F __ltrim_colon_completions >/dev/null; then
            __ltrim_colon_completions "$current"
        fi
        ;;
    esac
}
complete -F _stevedore stevedore
