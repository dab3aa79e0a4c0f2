// replay inside a running Python (`python -m replay`): the host interpreter
// made to look, to each transcript, as a fresh one started for it.
#pragma once

#include "pycon/python_session.h"

namespace replay {

/// Lets `options` adopt a running Python (SessionOptions::adopt_running),
/// giving it first the state a fresh `python3 -u` console of that
/// interpreter has, as far as a transcript can see it: sys.modules (the
/// modules the host imported since start-up are forgotten, and the
/// attributes naming them in packages that stay), sys.argv (['']),
/// sys.path (as that python computes it at start-up, without the host's
/// script directory), new unbuffered standard streams on file descriptors
/// 0, 1 and 2, a new empty `__main__` module, and path finders cached only
/// for what start-up looked at. Signal handlers are the host's: those a
/// python3 starting sets. What a fresh interpreter has is asked
/// of the interpreter itself: sys.executable is run with the host's
/// start-up flags (`-I`, `-E`, `-s`, `-S`).
void AdoptAsFresh(pycon::SessionOptions& options);

/// Lets `options` adopt a running Python as it is (for `--version`).
void AdoptAsIs(pycon::SessionOptions& options);

}  // namespace replay
