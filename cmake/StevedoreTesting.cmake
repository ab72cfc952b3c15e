# stevedore_add_test(NAME <name>
#                    SOURCES <file>...
#                    [LIBRARIES <target>...]
#                    [LABELS <label>...]
#                    [TIMEOUT <seconds>]          # default 300
#                    [ENVIRONMENT <VAR=value>...]
#                    [LAUNCHER <command>...])
#
# Builds the Qt Test executable <name> from SOURCES, links it to Qt6::Test, LIBRARIES and
# stevedore_warnings, and registers it with CTest under the same name. Every test runs with
# QT_QPA_PLATFORM=offscreen, so none needs a display; ENVIRONMENT entries come after it and
# can override it. A LAUNCHER command runs the test program, given as its last argument
# (${STEVEDORE_WITH_KEYRING} for the real keychain).

# The LAUNCHER of the tests that need the real keychain: a private D-Bus session with its own
# gnome-keyring, never the user's (tests/keychain/run-with-keyring.sh).
set(STEVEDORE_WITH_KEYRING bash ${PROJECT_SOURCE_DIR}/tests/keychain/run-with-keyring.sh)

function(stevedore_add_test)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;LAUNCHER")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "stevedore_add_test: unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME)
        message(FATAL_ERROR "stevedore_add_test: NAME is required")
    endif()
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "stevedore_add_test(${arg_NAME}): SOURCES is required")
    endif()
    if(NOT DEFINED arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()

    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test ${arg_LIBRARIES} stevedore_warnings)

    set(environment QT_QPA_PLATFORM=offscreen ${arg_ENVIRONMENT})
    add_test(NAME ${arg_NAME} COMMAND ${arg_LAUNCHER} $<TARGET_FILE:${arg_NAME}>)
    # The keychain module is loaded by name in test programs: their build-tree RUNPATH finds it
    # (tests/CMakeLists.txt), except under AddressSanitizer, whose dlopen interceptor makes the
    # sanitizer's runtime the caller, so that the program's RUNPATH is not searched.
    set_tests_properties(${arg_NAME} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${environment}"
        ENVIRONMENT_MODIFICATION "LD_LIBRARY_PATH=path_list_prepend:${STEVEDORE_EXECUTABLE_DIR}")
endfunction()
