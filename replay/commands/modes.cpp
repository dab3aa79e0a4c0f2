#include "replay/commands/modes.h"

#include "replay/console/console_mode.h"
#include "replay/doctest/doctest_mode.h"

namespace replay {

Modes ModesFor(const RunOptions& options) {
  Modes modes;
  modes.push_back(
      std::make_unique<ConsoleMode>(options.placeholders, options.console, options.isolation));
  modes.push_back(std::make_unique<DoctestMode>(options.option_flags, options.option_flags_origin,
                                                options.prompts, options.isolation));
  return modes;
}

}  // namespace replay
