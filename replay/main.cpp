// The replay program: the command line (replay/cli) and nothing else.
#include "replay/cli/command_line.h"

int main(int argc, char** argv) { return replay::CommandLineMain(argc, argv); }
