# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide settings: the language standard, warnings and sanitizers as INTERFACE targets
# that every Sundial target links, so no target sets its own flags.

# CI (the CI environment variable set to true) builds with warnings as errors, also when it runs
# the README's commands unchanged.
if("$ENV{CI}" STREQUAL "true")
    set(sundial_werror_default ON)
else()
    set(sundial_werror_default OFF)
endif()
option(SUNDIAL_WERROR "Treat compiler warnings as errors (on by default where CI=true)" ${sundial_werror_default})
option(SUNDIAL_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SUNDIAL_BUILD_TESTS "Build the test suites" ON)
option(SUNDIAL_BUILD_BENCHMARKS "Build the benchmarks" ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(sundial_settings INTERFACE)
add_library(Sundial::settings ALIAS sundial_settings)
target_compile_features(sundial_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(sundial_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
# Lets project headers be included from the repository top ("agent/core/rules.h").
target_include_directories(sundial_settings INTERFACE ${PROJECT_SOURCE_DIR})
if(SUNDIAL_WERROR)
    target_compile_options(sundial_settings INTERFACE -Werror)
endif()
if(SUNDIAL_SANITIZE)
    target_compile_options(sundial_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                      -fno-sanitize-recover=undefined)
    target_link_options(sundial_settings INTERFACE -fsanitize=address,undefined)
endif()
