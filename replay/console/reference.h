// Which console a console transcript was recorded with: plain data, no Python.
#pragma once

namespace replay {

/// Which console a transcript was recorded with (--console).
enum class ConsoleReference {
  kInteract,  ///< code.interact(): namespace `__console__`, file name `<console>`
  kPython,    ///< the `python3` REPL: the `__main__` module's namespace, `<stdin>`
  kAsyncio,   ///< `python3 -m asyncio`'s REPL: top-level await, its own namespace
};

}  // namespace replay
