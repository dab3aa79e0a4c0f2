# replay_add_transcripts(NAME DIR [PER_FILE] [LABELS label...] [JUNIT] [JSON]
#                        [OPTIONS replay-run-option...])
#
# Registers ctest tests that run `replay run` (the imported target
# replay::replay) on the transcripts under DIR (relative to the current
# source directory, or absolute):
# - by default one test, NAME, for the whole directory;
# - PER_FILE: one test per file `replay run OPTIONS DIR` would check (asked
#   with --collect-only at configure time, so the mode's files: *.pycon, or
#   with --mode doctest the documents and modules), named NAME/<path
#   relative to DIR>. A file added or removed under DIR makes the next build
#   configure again. Finding no file is an error, never zero tests.
#   Needs the installed replay (find_package) and CMake 3.19.
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
    _replay_collect(files "${name}" "${dir}" ${ARG_OPTIONS})
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

# _replay_collect(OUT NAME DIR OPTIONS...): the paths relative to DIR of the
# files `replay run --collect-only OPTIONS DIR` lists, run where the tests
# will run.
function(_replay_collect out name dir)
  if(CMAKE_VERSION VERSION_LESS 3.19)
    message(FATAL_ERROR "replay_add_transcripts(${name} PER_FILE) needs CMake 3.19 or later")
  endif()
  get_target_property(aliased replay::replay ALIASED_TARGET)
  if(aliased)
    message(FATAL_ERROR "replay_add_transcripts(${name} PER_FILE) needs an installed replay "
      "(find_package(replay)): the replay of this build does not exist yet when CMake "
      "configures")
  endif()
  get_target_property(replay replay::replay IMPORTED_LOCATION)
  # Configure again when a file that some mode takes appears or goes.
  file(GLOB_RECURSE candidates CONFIGURE_DEPENDS
    "${dir}/*.pycon" "${dir}/*.md" "${dir}/*.rst" "${dir}/*.txt" "${dir}/*.py")
  execute_process(COMMAND "${replay}" run --collect-only ${ARGN} "${dir}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
    OUTPUT_VARIABLE listing ERROR_VARIABLE error RESULT_VARIABLE status)
  string(REGEX REPLACE "\n$" "" listing "${listing}")
  string(REPLACE ";" "\\;" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(files "")
  foreach(line IN LISTS lines)
    string(JSON path GET "${line}" path)
    file(RELATIVE_PATH path "${dir}" "${path}")
    list(APPEND files "${path}")
  endforeach()
  if(NOT status EQUAL 0 OR NOT files)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "replay_add_transcripts(${name} PER_FILE): `replay run --collect-only "
      "${shown} ${dir}` lists no file to test (exit status ${status}): ${error}")
  endif()
  list(SORT files)
  set(${out} "${files}" PARENT_SCOPE)
endfunction()
