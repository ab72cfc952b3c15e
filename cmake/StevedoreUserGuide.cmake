# stevedore_user_guide(README <file> DIRECTORY <dir> FILES_VARIABLE <var>)
#
# Writes the part of README between the lines "<!-- user-guide:begin ... -->" and
# "<!-- user-guide:end -->" to <dir>/user-guide.md, and copies the pictures and files it links
# to by relative path (docs/screenshots/x.png) below <dir> under the same relative path, so
# that the window shows the README's own guide, with its pictures. <var> receives the written
# files relative to <dir>, user-guide.md first. README becomes a configure dependency: editing
# it re-runs CMake at the next build, so the guide in the window cannot drift from it. Files
# are rewritten only when their content changes. A README without both markers, or with
# nothing between them, stops the configuration.
function(stevedore_user_guide)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "README;DIRECTORY;FILES_VARIABLE" "")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${arg_README}")
    file(READ "${arg_README}" readme)

    string(REGEX MATCH "<!-- user-guide:begin[^\n]*-->\n" begin_marker "${readme}")
    string(FIND "${readme}" "${begin_marker}" begin)
    string(FIND "${readme}" "<!-- user-guide:end -->" end)
    if(NOT begin_marker OR end EQUAL -1 OR end LESS begin)
        message(FATAL_ERROR "${arg_README} has no section between <!-- user-guide:begin --> "
                            "and <!-- user-guide:end -->: the window's user guide comes from it")
    endif()
    string(LENGTH "${begin_marker}" marker_length)
    math(EXPR begin "${begin} + ${marker_length}")
    math(EXPR length "${end} - ${begin}")
    string(SUBSTRING "${readme}" ${begin} ${length} guide)
    string(STRIP "${guide}" stripped)
    if(stripped STREQUAL "")
        message(FATAL_ERROR "the user guide section of ${arg_README} is empty")
    endif()

    file(WRITE "${arg_DIRECTORY}/user-guide.md.new" "${guide}")
    configure_file("${arg_DIRECTORY}/user-guide.md.new" "${arg_DIRECTORY}/user-guide.md" COPYONLY)
    file(REMOVE "${arg_DIRECTORY}/user-guide.md.new")
    set(files user-guide.md)

    # Markdown links and pictures: ](path) with a relative path (no scheme, no anchor alone).
    get_filename_component(readme_dir "${arg_README}" DIRECTORY)
    # (A CMake list does not split inside square brackets: they are replaced first.)
    string(REPLACE "](" " @link@" unbracketed "${guide}")
    string(REGEX MATCHALL "@link@[^):#\n]+\\)" targets "${unbracketed}")
    foreach(target IN LISTS targets)
        string(REGEX REPLACE "^@link@(.+)\\)$" "\\1" path "${target}")
        if(NOT EXISTS "${readme_dir}/${path}")
            message(FATAL_ERROR "the user guide in ${arg_README} links to ${path}, which does not exist")
        endif()
        configure_file("${readme_dir}/${path}" "${arg_DIRECTORY}/${path}" COPYONLY)
        list(APPEND files "${path}")
    endforeach()
    list(REMOVE_DUPLICATES files)
    set(${arg_FILES_VARIABLE} ${files} PARENT_SCOPE)
endfunction()
