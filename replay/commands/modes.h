// The modes `replay run` knows, set up from its options.
#pragma once

#include "replay/mode/mode.h"
#include "replay/options/run_options.h"

namespace replay {

/// Every mode, with the options of `options` that concern it; the first
/// (console) is the default for files and searches no other mode claims.
Modes ModesFor(const RunOptions& options);

}  // namespace replay
