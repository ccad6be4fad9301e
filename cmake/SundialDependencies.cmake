# SPDX-License-Identifier: GPL-3.0-or-later
# Checks, before any target is defined, that everything the build (and, with SUNDIAL_BUILD_TESTS,
# the tests) needs is on the machine, and names the Debian package of each missing piece in one
# message instead of leaving a CMake trace from deep inside a package's config file.
# installer/install-deps.sh is the one list that installs them; this table only detects.
#
# Each row: what to look for, then the Debian 12 package that provides it.
#   PACKAGE <cmake package>   find_package(<name> QUIET) in CONFIG or MODULE mode
#   PKGCONFIG <module>        pkg-config --exists <module>
#   HEADER <path>             a header on the include path (Catch2's package config, read twice, loses
#                             its module path, so its header stands for it)
#   PROGRAM <name>            an executable on PATH (or /usr/sbin, /sbin)
#   PYTHON <module>           /usr/bin/python3 -c "import <module>" (Debian's Python)
#   FILE <path>               a file the tests read
# Qt6OpenGL is listed before Qt6Charts because Qt6ChartsConfig.cmake needs it, and Debian's
# qt6-charts-dev does not depend on the package that has it.

set(sundial_build_requirements
    PACKAGE SQLite3 libsqlite3-dev
    PACKAGE nlohmann_json nlohmann-json3-dev
    PACKAGE Qt6Core qt6-base-dev
    PACKAGE Qt6DBus qt6-base-dev
    PACKAGE Qt6Gui qt6-base-dev
    PACKAGE Qt6Widgets qt6-base-dev
    PACKAGE Qt6OpenGL libqt6opengl6-dev
    PACKAGE Qt6Charts qt6-charts-dev
    PACKAGE Qt6LinguistTools qt6-tools-dev
    PROGRAM lrelease qt6-l10n-tools
    PROGRAM pkg-config pkg-config
    PKGCONFIG xcb libxcb1-dev
    PKGCONFIG xcb-res libxcb-res0-dev
    PKGCONFIG xcb-screensaver libxcb-screensaver0-dev
    PKGCONFIG xcb-sync libxcb-sync-dev
    PKGCONFIG libsystemd libsystemd-dev
    PROGRAM python3 python3
    PROGRAM openssl openssl
)

set(sundial_test_requirements
    HEADER catch2/catch.hpp catch2
    PACKAGE Qt6Test qt6-base-dev
    PROGRAM dbus-daemon dbus-daemon
    PROGRAM dbus-run-session dbus-bin
    PROGRAM gdbus libglib2.0-bin
    PYTHON dbusmock python3-dbusmock
    PYTHON dbus python3-dbus
    PYTHON gi python3-gi
    PROGRAM setpriv util-linux
    PROGRAM pamtester pamtester
    PROGRAM squashfuse squashfuse
    PROGRAM mksquashfs squashfs-tools
    PROGRAM Xvfb xvfb
    PROGRAM openbox openbox
    PROGRAM xdotool xdotool
    PROGRAM xlogo x11-apps
    PROGRAM xdpyinfo x11-utils
    PROGRAM trayer trayer
    FILE /usr/lib/chromium/chromium chromium
    FILE /usr/lib/firefox-esr/firefox-esr firefox-esr
    PROGRAM sqlite3 sqlite3
    PROGRAM useradd passwd
    FILE /usr/share/zoneinfo/Europe/Berlin tzdata
    FILE /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
)

# Appends "<what> (Debian package <package>)" to missing_rows and <package> to missing_packages
# (both in the caller's scope) for every row of the list that is not found.
function(sundial_check_requirements)
    set(rows ${missing_rows})
    set(packages ${missing_packages})
    set(kind "")
    set(name "")
    set(position 0)
    foreach(word IN LISTS ARGN)
        math(EXPR field "${position} % 3")
        math(EXPR position "${position} + 1")
        if(field EQUAL 0)
            set(kind "${word}")
            continue()
        elseif(field EQUAL 1)
            set(name "${word}")
            continue()
        endif()
        set(found FALSE)
        if(kind STREQUAL "PACKAGE")
            find_package(${name} QUIET)
            if(${name}_FOUND)
                set(found TRUE)
            endif()
        elseif(kind STREQUAL "PKGCONFIG")
            find_package(PkgConfig QUIET)
            if(PKG_CONFIG_FOUND)
                execute_process(COMMAND ${PKG_CONFIG_EXECUTABLE} --exists ${name} RESULT_VARIABLE status)
                if(status EQUAL 0)
                    set(found TRUE)
                endif()
            endif()
        elseif(kind STREQUAL "HEADER")
            string(MAKE_C_IDENTIFIER "${name}" header_id)
            find_path(sundial_header_${header_id} ${name})
            if(sundial_header_${header_id})
                set(found TRUE)
            endif()
        elseif(kind STREQUAL "PROGRAM")
            find_program(sundial_program_${name} ${name} PATHS /usr/sbin /sbin /usr/lib/qt6/bin)
            if(sundial_program_${name})
                set(found TRUE)
            endif()
        elseif(kind STREQUAL "PYTHON")
            execute_process(COMMAND /usr/bin/python3 -c "import ${name}" RESULT_VARIABLE status OUTPUT_QUIET
                            ERROR_QUIET)
            if(status EQUAL 0)
                set(found TRUE)
            endif()
        elseif(kind STREQUAL "FILE")
            if(EXISTS "${name}")
                set(found TRUE)
            endif()
        else()
            message(FATAL_ERROR "SundialDependencies.cmake: unknown requirement kind '${kind}'")
        endif()
        if(NOT found)
            list(APPEND rows "  ${name} (${kind}): Debian package ${word}")
            list(APPEND packages ${word})
        endif()
    endforeach()
    set(missing_rows ${rows} PARENT_SCOPE)
    set(missing_packages ${packages} PARENT_SCOPE)
endfunction()

set(missing_rows "")
set(missing_packages "")
sundial_check_requirements(${sundial_build_requirements})
if(SUNDIAL_BUILD_TESTS)
    sundial_check_requirements(${sundial_test_requirements})
endif()
if(missing_rows)
    list(REMOVE_DUPLICATES missing_packages)
    list(JOIN missing_rows "\n" missing_text)
    list(JOIN missing_packages " " missing_list)
    message(FATAL_ERROR "Sundial cannot be configured: these are missing\n${missing_text}\n"
                        "Install them with: bash installer/install-deps.sh (as root, or as a user with sudo)\n"
                        "(or: apt-get install ${missing_list}; if install-deps.sh already ran, it lacks "
                        "these packages: add them to its list)")
endif()
