# Several Pythons from one configure: -DREPLAY_PYTHONS="python3.11;python3.12;..."
# (names on PATH or paths). The first (or -DPython3_EXECUTABLE) is this
# build's: the program `replay`. Each other minor version gets a build of
# its own (an external project of this same source tree, in
# <build>/python-3.X), whose program is `replay-3.X`, linked beside `replay`
# in the build tree and installed beside it; `replay` hands a run over to the
# replay-3.X of the Python it is asked to run as (--python, VIRTUAL_ENV).
set(REPLAY_PYTHONS "" CACHE STRING
  "Pythons to build replay for (names on PATH or paths); default: the one found")
# Set in the builds for the other Pythons: "-3.X".
set(REPLAY_BUILD_SUFFIX "" CACHE STRING "internal: suffix of a build for one more Python")
mark_as_advanced(REPLAY_BUILD_SUFFIX)

# Resolves a name on PATH or a path to the executable it runs (shims
# followed), and its minor version, into ${out}_EXECUTABLE and ${out}_VERSION.
function(replay_ask_python python out)
  if(NOT IS_ABSOLUTE "${python}")
    find_program(found NAMES "${python}" NO_CACHE)
    if(NOT found)
      message(FATAL_ERROR "REPLAY_PYTHONS: no ${python} on PATH")
    endif()
    set(python "${found}")
  endif()
  execute_process(
    COMMAND "${python}" -c "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"
    OUTPUT_VARIABLE lines OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "REPLAY_PYTHONS: cannot run ${python}")
  endif()
  string(REPLACE "\n" ";" lines "${lines}")
  list(GET lines 0 executable)
  list(GET lines 1 version)
  set(${out}_EXECUTABLE "${executable}" PARENT_SCOPE)
  set(${out}_VERSION "${version}" PARENT_SCOPE)
endfunction()

if(REPLAY_PYTHONS AND NOT Python3_EXECUTABLE)
  list(GET REPLAY_PYTHONS 0 first)
  replay_ask_python("${first}" FIRST)
  set(Python3_EXECUTABLE "${FIRST_EXECUTABLE}" CACHE FILEPATH "The Python replay embeds")
endif()

# After find_package(Python3) and the targets: the builds for the other
# minor versions of REPLAY_PYTHONS.
function(replay_build_for_other_pythons)
  include(ExternalProject)
  set(done "${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}")
  foreach(python IN LISTS REPLAY_PYTHONS)
    replay_ask_python("${python}" OTHER)
    if(OTHER_VERSION IN_LIST done)
      continue()
    endif()
    list(APPEND done "${OTHER_VERSION}")
    set(dir "${PROJECT_BINARY_DIR}/python-${OTHER_VERSION}")
    ExternalProject_Add(replay-${OTHER_VERSION}
      SOURCE_DIR "${PROJECT_SOURCE_DIR}"
      BINARY_DIR "${dir}"
      CMAKE_ARGS "-DPython3_EXECUTABLE=${OTHER_EXECUTABLE}" "-DREPLAY_PYTHONS="
                 "-DREPLAY_BUILD_SUFFIX=-${OTHER_VERSION}" -DBUILD_TESTING=OFF
                 "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}" "-DCMAKE_UNITY_BUILD=${CMAKE_UNITY_BUILD}"
                 "-DCMAKE_INSTALL_PREFIX=${CMAKE_INSTALL_PREFIX}"
                 "-DREPLAY_PYTHON_INSTALL_DIR=${REPLAY_PYTHON_INSTALL_DIR}"
      BUILD_ALWAYS ON
      INSTALL_COMMAND ""
      # replay-3.X beside replay, so that the build tree serves every Python.
      COMMAND "${CMAKE_COMMAND}" -E create_symlink "${dir}/replay/replay-${OTHER_VERSION}"
              "${PROJECT_BINARY_DIR}/replay/replay-${OTHER_VERSION}")
    # Installs replay-3.X and its Python module (as its own install rules say).
    install(SCRIPT "${dir}/cmake_install.cmake")
  endforeach()
  message(STATUS "replay builds for Python ${done}")
endfunction()
