// replay's command line: options parsed into plain structs, one command run.
#pragma once

namespace replay {

/// Runs `replay ARGS...` (argv[0] names the program in messages) and
/// returns its exit status. In a program of its own, Python is started for
/// the command; inside a running Python (`python -m replay`) the command
/// runs as that interpreter.
int CommandLineMain(int argc, char** argv);

}  // namespace replay
