# fish completion for stevedore. The candidates come from `stevedore __complete WORD...`:
# a first line saying what to offer (words, files or folders), then for words one candidate a
# line, "candidate<TAB>description", which is fish's own format.
function __stevedore_complete
    set -l current (commandline -ct)
    set -l words (commandline -opc) "$current"
    set -l answer ($words[1] __complete $words[2..-1] 2>/dev/null)
    switch "$answer[1]"
        case files
            __fish_complete_path "$current"
        case folders
            __fish_complete_directories "$current"
        case words
            printf '%s\n' $answer[2..-1]
    end
end
complete -c stevedore -f -a '(__stevedore_complete)'
