# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) in the staging folder of the Debian package, after
# `cmake --install` has filled it and before the .deb is made: adds what Debian's policy asks
# of a package and not of an install from source.
#   - Man pages are compressed with gzip -9n (no name, no time stamp: reproducible).
#   - usr/share/doc/stevedore/changelog.gz, from packaging/debian/changelog (a native package's
#     changelog), whose newest entry must be this version.
set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
if(NOT IS_DIRECTORY "${root}/usr")
    message(FATAL_ERROR "DebianLayout: no usr/ in the staging folder ${root}")
endif()

find_program(gzip gzip REQUIRED)
function(compress_in_place file)
    execute_process(COMMAND ${gzip} -9nf "${file}" RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "DebianLayout: gzip ${file} failed")
    endif()
endfunction()

file(GLOB_RECURSE man_pages "${root}/usr/share/man/*")
list(FILTER man_pages EXCLUDE REGEX "\\.gz$")
foreach(page IN LISTS man_pages)
    compress_in_place("${page}")
endforeach()

file(STRINGS "${CPACK_STEVEDORE_CHANGELOG}" newest LIMIT_COUNT 1)
if(NOT newest MATCHES "^${CPACK_PACKAGE_NAME} \\(${CPACK_DEBIAN_PACKAGE_VERSION}\\) ")
    message(FATAL_ERROR "DebianLayout: the newest entry of ${CPACK_STEVEDORE_CHANGELOG} is "
                        "\"${newest}\"; add one for ${CPACK_DEBIAN_PACKAGE_VERSION} first")
endif()
set(doc "${root}/usr/share/doc/${CPACK_PACKAGE_NAME}")
file(COPY_FILE "${CPACK_STEVEDORE_CHANGELOG}" "${doc}/changelog")
compress_in_place("${doc}/changelog")
