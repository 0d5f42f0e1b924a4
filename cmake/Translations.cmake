# What lupdate reads for Vigil's translations, in one place: src/app/CMakeLists.txt passes it to
# qt_add_translations, and the translation test (tests/i18n) runs lupdate over the same list.
# Usable from a project and from a `cmake -P` script.
#
# src/graphsim is left out on purpose: the simulator's pages imitate Microsoft's English pages.
include_guard(DIRECTORY)

set(VIGIL_TS_FILES "${CMAKE_CURRENT_LIST_DIR}/../translations/vigil_zh_CN.ts")
cmake_path(NORMAL_PATH VIGIL_TS_FILES)
set(VIGIL_LUPDATE_OPTIONS -no-obsolete -locations none)

# vigil_translation_sources(<out-var> <source-dir>): the sources and forms with user-visible strings.
function(vigil_translation_sources out root)
    set(patterns
        ${root}/src/core/*.cpp ${root}/src/core/*.h
        ${root}/src/gui/*.cpp ${root}/src/gui/*.h
        ${root}/src/http/*.cpp ${root}/src/http/*.h
        ${root}/src/app/*.cpp ${root}/src/app/*.h
        ${root}/ui/*.ui)
    if(CMAKE_SCRIPT_MODE_FILE)
        file(GLOB_RECURSE files ${patterns})
    else()
        file(GLOB_RECURSE files CONFIGURE_DEPENDS ${patterns})
    endif()
    list(SORT files)
    set(${out} ${files} PARENT_SCOPE)
endfunction()
