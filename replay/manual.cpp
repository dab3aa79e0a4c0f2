// replay_manual: prints replay's man page (`man`) or the option list of
// docs/command-line.md (`markdown`), both derived from the command line.
#include "replay/cli/manual.h"

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "man") == 0) {
    std::cout << replay::ManPage();
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "markdown") == 0) {
    std::cout << replay::RunOptionsMarkdown();
    return 0;
  }
  std::cerr << "usage: replay_manual man|markdown\n";
  return 2;
}
