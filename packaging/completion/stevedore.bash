# bash completion for stevedore. The candidates come from `stevedore __complete WORD...`:
# a first line saying what to offer (words, files or folders), then for words one candidate a
# line, "candidate<TAB>description".
_stevedore()
{
    local current=${COMP_WORDS[COMP_CWORD]}
    local -a answer
    mapfile -t answer < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
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
        ;;
    esac
}
complete -F _stevedore stevedore
