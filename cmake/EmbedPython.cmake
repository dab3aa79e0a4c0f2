# embed_python(TARGET FILE SYMBOL): a Python program kept as a .py file and
# compiled into TARGET as a C++ string constant, so the program's text is in
# the binary and nothing is read at run time. FILE is relative to the current
# source directory; SYMBOL is the constant's qualified name (e.g.
# replay::kDoctestDriverSource), to be declared `extern const char* const`
# in a header next to the program. CMake runs again when FILE changes.
function(embed_python target file symbol)
  string(REGEX MATCH "^(.+)::([A-Za-z_][A-Za-z0-9_]*)$" qualified "${symbol}")
  if(NOT qualified)
    message(FATAL_ERROR "embed_python: ${symbol} is not a name inside a namespace")
  endif()
  set(EMBED_NAMESPACE "${CMAKE_MATCH_1}")
  set(EMBED_NAME "${CMAKE_MATCH_2}")
  file(RELATIVE_PATH EMBED_FILE "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
  file(READ "${CMAKE_CURRENT_SOURCE_DIR}/${file}" EMBED_SOURCE)
  string(FIND "${EMBED_SOURCE}" ")embedded_py" delimiter)
  if(NOT delimiter EQUAL -1)
    message(FATAL_ERROR "${file} must not contain ')embedded_py'")
  endif()
  string(MAKE_C_IDENTIFIER "${file}" stem)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded/${stem}.cpp")
  file(CONFIGURE OUTPUT "${output}" CONTENT [==[
// Generated from @EMBED_FILE@ by embed_python (cmake/EmbedPython.cmake): do not edit.
namespace @EMBED_NAMESPACE@ {

extern const char* const @EMBED_NAME@;
const char* const @EMBED_NAME@ = R"embedded_py(@EMBED_SOURCE@)embedded_py";

}  // namespace @EMBED_NAMESPACE@
]==] @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  target_sources(${target} PRIVATE "${output}")
endfunction()
