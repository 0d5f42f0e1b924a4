# Fails when a translation has fallen behind the sources. Runs lupdate over the sources that the
# build translates (cmake/Translations.cmake) into a copy of TS_FILE, then fails, listing them, on
#   - messages without a translation (type="unfinished"): a new or changed source string,
#   - messages the sources no longer have (vanished or obsolete; the .ts was not refreshed),
#   - lupdate warnings (a tr() whose context lupdate cannot tell, so the string lands elsewhere),
#   - translations that drop or add a placeholder (%1, %n) or an accelerator (&),
# and checks that lrelease compiles the copy with no untranslated entries.
#
# cmake -DLUPDATE=<lupdate> -DLRELEASE=<lrelease> -DSOURCE_DIR=<repository> -DTS_FILE=<file.ts>
#       -DWORK_DIR=<scratch directory> -P check_translations.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var LUPDATE LRELEASE SOURCE_DIR TS_FILE WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_translations.cmake: ${var} is not set")
    endif()
endforeach()

include(${SOURCE_DIR}/cmake/Translations.cmake)
vigil_translation_sources(sources ${SOURCE_DIR})

# Reads a .ts file into <prefix>_keys (context, disambiguation and source of every message), and the
# keys of the messages without a translation, marked vanished/obsolete, or whose translation does not
# keep the source's placeholders and accelerators. Semicolons and square brackets are replaced by
# markers first, so that CMake's lists keep each message whole (so "&amp;" reads "&amp@semicolon@").
function(read_ts file prefix)
    file(READ ${file} content)
    string(REPLACE ";" "@semicolon@" content "${content}")
    string(REPLACE "[" "@open@" content "${content}")
    string(REPLACE "]" "@close@" content "${content}")
    string(REPLACE "</message>" ";" chunks "${content}")
    set(context "")
    set(keys "")
    set(unfinished "")
    set(stale "")
    set(mismatched "")
    foreach(chunk IN LISTS chunks)
        if(chunk MATCHES "<name>([^<]*)</name>")
            set(context "${CMAKE_MATCH_1}")
        endif()
        string(FIND "${chunk}" "<message" start)
        if(start LESS 0)
            continue()
        endif()
        string(SUBSTRING "${chunk}" ${start} -1 message)
        if(NOT message MATCHES "<source>([^<]*)</source>")
            continue()
        endif()
        set(source "${CMAKE_MATCH_1}")
        set(key "${context}: ${source}")
        if(message MATCHES "<comment>([^<]*)</comment>")
            set(key "${context} (${CMAKE_MATCH_1}): ${source}")
        endif()
        list(APPEND keys "${key}")
        if(message MATCHES "<translation[^>]*type=\"unfinished\"")
            list(APPEND unfinished "${key}")
            continue()
        endif()
        if(message MATCHES "<translation[^>]*type=\"(vanished|obsolete)\"")
            list(APPEND stale "${key}")
            continue()
        endif()
        # Every translation (each numerus form) keeps the source's placeholders and accelerator.
        string(REGEX MATCHALL "%L?[0-9]+|%n" wanted "${source}")
        list(REMOVE_DUPLICATES wanted)
        list(SORT wanted)
        string(REGEX MATCH "&amp@semicolon@[^&# ]" wantAccelerator "${source}")
        if(message MATCHES "<numerusform>")
            string(REGEX MATCHALL "<numerusform>[^<]*</numerusform>" forms "${message}")
        else()
            string(REGEX MATCHALL "<translation[^>]*>[^<]*</translation>" forms "${message}")
        endif()
        foreach(form IN LISTS forms)
            string(REGEX REPLACE "<[^>]*>" "" text "${form}")
            string(REGEX MATCHALL "%L?[0-9]+|%n" found "${text}")
            list(REMOVE_DUPLICATES found)
            list(SORT found)
            string(REGEX MATCH "&amp@semicolon@[^&# ]" foundAccelerator "${text}")
            if(NOT "${found}" STREQUAL "${wanted}"
               OR (wantAccelerator AND NOT foundAccelerator) OR (foundAccelerator AND NOT wantAccelerator))
                list(APPEND mismatched "${key}\n        → ${text}")
            endif()
        endforeach()
    endforeach()
    foreach(name keys unfinished stale mismatched)
        set(${prefix}_${name} "${${name}}" PARENT_SCOPE)
    endforeach()
endfunction()

# A list of message keys as readable lines.
function(format_keys out)
    list(JOIN ARGN "\n    " text)
    string(REPLACE "@semicolon@" ";" text "${text}")
    string(REPLACE "@open@" "[" text "${text}")
    string(REPLACE "@close@" "]" text "${text}")
    string(REPLACE "&lt;" "<" text "${text}")
    string(REPLACE "&gt;" ">" text "${text}")
    string(REPLACE "&quot;" "\"" text "${text}")
    string(REPLACE "&apos;" "'" text "${text}")
    string(REPLACE "&amp;" "&" text "${text}")
    set(${out} "    ${text}\n" PARENT_SCOPE)
endfunction()

get_filename_component(ts_name ${TS_FILE} NAME)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(copy ${WORK_DIR}/${ts_name})
file(COPY_FILE ${TS_FILE} ${copy})
list(JOIN sources "\n" source_lines)
file(WRITE ${WORK_DIR}/sources.lst "${source_lines}\n")

execute_process(COMMAND ${LUPDATE} ${VIGIL_LUPDATE_OPTIONS} @${WORK_DIR}/sources.lst -ts ${copy}
    RESULT_VARIABLE lupdate_result OUTPUT_VARIABLE lupdate_output ERROR_VARIABLE lupdate_output)
if(NOT lupdate_result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${lupdate_result}):\n${lupdate_output}")
endif()

set(problems "")
# lupdate names the file and line of each problem ("alert.cpp:58: Class 'vigil::core' lacks Q_OBJECT macro").
string(REGEX MATCHALL "[^\n]*:[0-9]+: [^\n]*" warnings "${lupdate_output}")
if(warnings)
    list(JOIN warnings "\n    " text)
    string(APPEND problems "lupdate cannot tell the context of these strings (use tr() of a Q_OBJECT class, "
        "Q_DECLARE_TR_FUNCTIONS, or QCoreApplication::translate with a literal context):\n    ${text}\n")
endif()

read_ts(${TS_FILE} committed)
read_ts(${copy} current)

if(current_unfinished)
    list(LENGTH current_unfinished count)
    format_keys(text ${current_unfinished})
    string(APPEND problems "${count} source string(s) without a translation in ${ts_name}:\n${text}")
endif()
set(gone ${committed_keys})
if(current_keys)
    list(REMOVE_ITEM gone ${current_keys})
endif()
list(APPEND gone ${committed_stale} ${current_stale})
list(REMOVE_DUPLICATES gone)
if(gone)
    list(LENGTH gone count)
    format_keys(text ${gone})
    string(APPEND problems "${count} message(s) in ${ts_name} that the sources no longer have:\n${text}")
endif()
if(current_mismatched)
    list(LENGTH current_mismatched count)
    format_keys(text ${current_mismatched})
    string(APPEND problems
        "${count} translation(s) that do not keep the placeholders (%1, %n) or the accelerator (&) of the source:\n"
        "${text}")
endif()

execute_process(COMMAND ${LRELEASE} ${copy} -qm ${WORK_DIR}/check.qm
    RESULT_VARIABLE lrelease_result OUTPUT_VARIABLE lrelease_output ERROR_VARIABLE lrelease_output)
if(NOT lrelease_result EQUAL 0)
    string(APPEND problems "lrelease failed (${lrelease_result}):\n${lrelease_output}")
elseif(NOT lrelease_output MATCHES "Generated [0-9]+ translation\\(s\\) \\([0-9]+ finished and 0 unfinished\\)"
       OR lrelease_output MATCHES "Ignored [1-9][0-9]* untranslated")
    string(APPEND problems "lrelease reports untranslated entries:\n${lrelease_output}")
endif()

if(problems)
    message(FATAL_ERROR "${ts_name} is not complete. Run `cmake --build <build dir> --target vigil_lupdate`, "
        "translate the new strings and commit the .ts file.\n\n${problems}")
endif()
list(LENGTH current_keys count)
message(STATUS "${ts_name}: ${count} messages, all translated")
