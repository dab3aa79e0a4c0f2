// The python3 REPL's standard streams, a program embedded in the binary.
#pragma once

namespace replay {

/// The source of replay/console/repl_streams.py, which makes sys.stdout and
/// sys.stderr what `python3` makes them on a terminal without -u:
/// line-buffered, over the terminal's block size. Generated at build time
/// (embed_python, replay/CMakeLists.txt).
extern const char* const kReplStreamsSource;

}  // namespace replay
