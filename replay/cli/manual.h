// replay's manual, derived from its command line (and so from the option
// table): the man page replay.1 and the option list of docs/command-line.md.
#pragma once

#include <string>

namespace replay {

/// The man page (roff, man(7) macros): every command and option with its
/// help, the keys of [tool.replay], the exit statuses.
std::string ManPage();

/// The options of `replay run` as a Markdown table, with the [tool.replay]
/// key of each, for docs/command-line.md.
std::string RunOptionsMarkdown();

}  // namespace replay
