# Writes the man page that `stevedore __man` prints from the command catalog to OUTPUT:
#   cmake -DSTEVEDORE=path/to/stevedore -DOUTPUT=stevedore.1 -P WriteManPage.cmake
# The page is in English whatever the build machine's language.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
execute_process(COMMAND ${STEVEDORE} __man
    OUTPUT_FILE ${OUTPUT}.new
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${STEVEDORE} __man failed (${result}); the man page was not written")
endif()
file(RENAME ${OUTPUT}.new ${OUTPUT})
