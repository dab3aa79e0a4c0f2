# Install rules, the CMake package (find_package(replay)) and the Debian
# package (cpack -G DEB).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# A libpython outside the system's library directories (pyenv, a custom
# prefix) stays found by the installed binary: its directory goes into the
# install RPATH. Debian's libpython3.X needs none.
set_target_properties(replay PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
install(TARGETS replay RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
# A build for one more Python (REPLAY_PYTHONS) installs its replay-3.X and
# its Python module (python/) only: the rest is the main build's.
if(REPLAY_BUILD_SUFFIX)
  return()
endif()
# replay-3.X for the main build's Python too, so that every build has its
# versioned name.
set(REPLAY_VERSIONED_NAME "replay-${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}")
install(CODE "file(CREATE_LINK replay
  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${REPLAY_VERSIONED_NAME}\"
  SYMBOLIC)")

set(REPLAY_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/replay")
configure_package_config_file(cmake/replayConfig.cmake.in
  "${PROJECT_BINARY_DIR}/replayConfig.cmake"
  INSTALL_DESTINATION "${REPLAY_CMAKE_DIR}"
  PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/replayConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/replayConfig.cmake"
  "${PROJECT_BINARY_DIR}/replayConfigVersion.cmake"
  cmake/ReplayTranscripts.cmake
  DESTINATION "${REPLAY_CMAKE_DIR}")
install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}" PATTERN dev EXCLUDE)

# The Debian package: its dependencies (libpython3.X, libstdc++, libc) come
# from dpkg-shlibdeps, so a package built against Debian's python3.X depends
# on Debian's libpython3.X.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME replay)
set(CPACK_PACKAGE_CONTACT "replay maintainers <replay@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Replays recorded Python ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR} console transcripts")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
