// A problem found in an input file, or with a path.
#pragma once

#include <string>

namespace replay {

/// What was wrong and where: renders as `file:line:column: message`
/// (line and column are 1-based; 0 means unknown and is left out).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  std::string ToString() const {
    std::string text = file;
    if (line > 0) text += ":" + std::to_string(line);
    if (line > 0 && column > 0) text += ":" + std::to_string(column);
    return text + ": " + message;
  }
};

}  // namespace replay
