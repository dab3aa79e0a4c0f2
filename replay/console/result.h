// What a console session reports from its child to the parent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// A stretch of the session's output that matched the transcript's expected
/// output only through placeholders: the parent compares and updates with
/// `expected` in its place.
struct Substitution {
  size_t offset = 0;  ///< in the session's output
  size_t length = 0;
  std::string expected;
};

/// What a console replay did.
struct ConsoleResult {
  int inputs = 0;                           ///< lines pushed into the console
  int statements = 0;                       ///< inputs given at the primary prompt (sys.ps1)
  std::vector<Substitution> substitutions;  ///< in order of offset

  std::string ToJson() const;
  /// The result ToJson wrote; a Diagnostic naming `source` if unreadable.
  static Expected<ConsoleResult> FromJson(std::string_view json, std::string_view source);
};

/// `output` with the substitutions' expected text in place of what they
/// cover: the session as the transcript would have it.
std::string ApplySubstitutions(std::string_view output,
                               const std::vector<Substitution>& substitutions);

}  // namespace replay
