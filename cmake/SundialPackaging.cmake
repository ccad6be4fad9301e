# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages, built by CPack: `cpack -G DEB` in the build directory writes two.
# sundial_<version>_<arch>.deb: the service, the login check, sundialctl, the child's session
# helper and tray, the helpline table, and their system files (installer/). Every install() rule
# without a COMPONENT belongs to it.
# sundial-console_<version>_<arch>.deb: the parents' console (component `console`: ui/console
# and its desktop file, icon, AppStream metainfo and manual page in installer/); it depends on
# sundial of the same version, as it speaks that service's D-Bus contract.
#
# Included from the top level before the subdirectories, so that the default prefix is /usr:
# the unit, the bus activation file and the PAM profile name /usr/sbin and /usr/lib/sundial.

if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
    set(CMAKE_INSTALL_PREFIX /usr CACHE PATH "Install prefix (the packaged paths assume /usr)" FORCE)
endif()
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "Sundial: install prefix ${CMAKE_INSTALL_PREFIX}; the system files and the .deb expect /usr")
endif()
include(GNUInstallDirs)
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME sundial)

set(SUNDIAL_PACKAGE_MAINTAINER "Sundial maintainers <maintainers@users.noreply.r-seed-f8aa4f9d.example>"
    CACHE STRING "Maintainer field of the Debian package and its changelog")

# /usr/share/doc/PACKAGE: the copyright file and the package's own (native) Debian changelog,
# compressed (Debian wants one per package), installed with COMPONENT.
function(sundial_package_doc package changelog component)
    set(dir ${CMAKE_BINARY_DIR}/package-doc/${package})
    configure_file(${PROJECT_SOURCE_DIR}/installer/debian/${changelog} ${dir}/changelog @ONLY)
    add_custom_command(OUTPUT ${dir}/changelog.gz
        COMMAND sh -c "gzip -9n -c changelog > changelog.gz"
        WORKING_DIRECTORY ${dir}
        DEPENDS ${dir}/changelog
        VERBATIM)
    add_custom_target(${package}_package_doc ALL DEPENDS ${dir}/changelog.gz)
    install(FILES ${PROJECT_SOURCE_DIR}/installer/debian/copyright ${dir}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endfunction()
sundial_package_doc(sundial changelog.in sundial)
sundial_package_doc(sundial-console console-changelog.in console)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sundial)
set(CPACK_PACKAGE_VENDOR "Sundial")
set(CPACK_PACKAGE_CONTACT "${SUNDIAL_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL sundial console)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_SUNDIAL_PACKAGE_NAME sundial)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME sundial-console)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SUNDIAL_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts the summary first and indents the rest as the extended description.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "screen time for family computers")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Sundial lets parents set fair screen time limits on a shared Linux computer:
a daily budget per weekday, allowed hours, per-app, per-category and per-site
budgets or blocks, and one-off extra time. Children always see how much time
is left, are warned before anything locks, can ask for more and can always
reach a help line. Everything stays on the machine.

This package contains the service (sundiald), which counts time from
systemd-logind, decides and locks or ends sessions; the PAM login check; the
command line sundialctl; and the child's session helper and tray, started at
every graphical login.")
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev); these are what it cannot see:
# the system bus, polkit, logind, pam-auth-update and pam_exec, and addgroup for the postinst.
# Per component: CPack would otherwise give the console the service's dependencies and
# maintainer scripts too (the package-wide variables are every component's default).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_SUNDIAL_PACKAGE_DEPENDS
    "dbus, polkitd, default-logind | logind, libpam-runtime, libpam-modules, adduser")
set(CPACK_DEBIAN_SUNDIAL_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/installer/debian/postinst;${PROJECT_SOURCE_DIR}/installer/debian/prerm;${PROJECT_SOURCE_DIR}/installer/debian/postrm;${PROJECT_SOURCE_DIR}/installer/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# The console: no maintainer scripts (dpkg triggers update the menu and icon caches).
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "sundial (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION admin)
# (CPack puts the shared summary line first.)
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "Sundial lets parents set fair screen time limits on a shared Linux computer.
Children always see how much time is left, are warned before anything locks,
can ask for more and can always reach a help line. Everything stays on the
machine.

This package contains the parents' console (sundial-console): a first-run
setup that chooses the children's accounts, starting rules and the help line;
each child's time today and requests for more time; activity reports; the
rules on a weekly schedule; and the audit log. It manages the service from
the package sundial.")

include(CPack)
