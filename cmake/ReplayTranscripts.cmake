# replay_add_transcripts(NAME DIR [PER_FILE] [LABELS label...] [JUNIT] [JSON]
#                        [OPTIONS replay-run-option...])
#
# Registers ctest tests that run `replay run` (the imported target
# replay::replay) on the transcripts under DIR (relative to the current
# source directory, or absolute):
# - by default one test, NAME, for the whole directory;
# - PER_FILE: one test per *.pycon file under DIR (searched recursively at
#   configure time), named NAME/<path relative to DIR>.
# Every test is labelled `replay` and NAME, plus LABELS. JUNIT and JSON write
# replay's JUnit XML and JSON report of each test to
# ${CMAKE_CURRENT_BINARY_DIR}/replay-reports/<test name with / as ->.xml
# (.json). OPTIONS are passed to `replay run` (e.g. --ellipsis, --timeout 10,
# --mode doctest); the python replay runs as follows replay's own rules
# (--python in OPTIONS, else $VIRTUAL_ENV when ctest runs, else the built one).
function(replay_add_transcripts name dir)
  cmake_parse_arguments(ARG "PER_FILE;JUNIT;JSON" "" "LABELS;OPTIONS" ${ARGN})
  get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT IS_DIRECTORY "${dir}")
    message(FATAL_ERROR "replay_add_transcripts(${name}): ${dir} is not a directory")
  endif()
  if(ARG_PER_FILE)
    file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE "${dir}" "${dir}/*.pycon")
    list(SORT files)
  else()
    set(files ".")
  endif()
  set(reports "${CMAKE_CURRENT_BINARY_DIR}/replay-reports")
  foreach(file IN LISTS files)
    set(test "${name}")
    if(ARG_PER_FILE)
      set(test "${name}/${file}")
    endif()
    string(REPLACE "/" "-" report "${test}")
    set(args run --color never ${ARG_OPTIONS})
    if(ARG_JUNIT)
      list(APPEND args --junit "${reports}/${report}.xml")
    endif()
    if(ARG_JSON)
      list(APPEND args --report-json "${reports}/${report}.json")
    endif()
    add_test(NAME "${test}" COMMAND replay::replay ${args} "${dir}/${file}")
    set_tests_properties("${test}" PROPERTIES LABELS "replay;${name};${ARG_LABELS}")
  endforeach()
  if(ARG_JUNIT OR ARG_JSON)
    file(MAKE_DIRECTORY "${reports}")
  endif()
endfunction()
