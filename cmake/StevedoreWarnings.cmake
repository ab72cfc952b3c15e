# stevedore_warnings: an INTERFACE target carrying the project's warning flags.
# Link it PRIVATE to every target built from this repository's sources.
# -Werror is added when STEVEDORE_WARNINGS_AS_ERRORS is ON (the dev and asan presets).

add_library(stevedore_warnings INTERFACE)

target_compile_options(stevedore_warnings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:
        -Wall
        -Wextra
        -Wpedantic
        -Wshadow
        -Wnon-virtual-dtor
        -Wold-style-cast
        -Wcast-align
        -Wunused
        -Woverloaded-virtual
        $<$<BOOL:${STEVEDORE_WARNINGS_AS_ERRORS}>:-Werror>
    >)
