# The Debian package: `cpack --preset release` (make package) turns what `cmake --install`
# installs into build/release/stevedore_VERSION_ARCH.deb. CPack packs whatever the
# project's install() rules install, wherever they are, so a new install() rule needs nothing
# here.
#
# Debian's layout beyond what install() puts in place is added in the staging folder by
# packaging/debian/DebianLayout.cmake (man pages compressed, the changelog): those are
# conventions of the package, not of an install from source.

set(STEVEDORE_HOMEPAGE "https://gitlab.com/stevedore/stevedore")
set(STEVEDORE_MAINTAINER "The Stevedore developers <developers@stevedore.io>")

# /usr/share/doc/stevedore/copyright: LICENSE in Debian's machine-readable copyright format,
# written from LICENSE itself so that the two cannot differ. Installed by every install, as the
# license that comes with the binaries.
function(stevedore_debian_copyright license output)
    file(READ "${license}" text)
    if(NOT text MATCHES "Copyright \\(c\\) ([^\n]+)\n\n(.+)$")
        message(FATAL_ERROR "${license} does not start with an MIT license's copyright line")
    endif()
    set(STEVEDORE_COPYRIGHT "${CMAKE_MATCH_1}")
    string(STRIP "${CMAKE_MATCH_2}" body)
    # One space before every line, and " ." for an empty one (deb-copyright(5)).
    string(REPLACE "\n\n" "\n.\n" body "${body}")
    string(REPLACE "\n" "\n " body "${body}")
    set(STEVEDORE_LICENSE_TEXT " ${body}")
    configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/copyright.in "${output}" @ONLY)
endfunction()

set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
stevedore_debian_copyright(${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_BINARY_DIR}/copyright)
install(FILES ${PROJECT_BINARY_DIR}/copyright
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/stevedore)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stevedore)
set(CPACK_PACKAGE_HOMEPAGE_URL "${STEVEDORE_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop and command-line client for GitLab's generic packages")
file(READ ${PROJECT_SOURCE_DIR}/packaging/debian/description CPACK_PACKAGE_DESCRIPTION)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/packaging/debian/description)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${STEVEDORE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends is computed from the binaries' libraries by dpkg-shlibdeps (dpkg-dev), and libcurl
# added: it is loaded with dlopen at the first transfer (api/CurlLibrary.h), so no binary names
# it. 7.85 is the first with CURLOPT_PROTOCOLS_STR, the newest option it sets.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= 7.85.0)")
# Tokens live in the Secret Service; without a provider, accounts are not saved.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/debian/DebianLayout.cmake)
# Read by DebianLayout.cmake (CPack passes on every CPACK_ variable).
set(CPACK_STEVEDORE_CHANGELOG ${PROJECT_SOURCE_DIR}/packaging/debian/changelog)

include(CPack)
