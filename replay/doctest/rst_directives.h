// sphinx.ext.doctest's directives in reStructuredText, as plain doctest
// reads them: what of them it does not run or apply.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "replay/text/diagnostic.h"

namespace replay {

/// What stdlib doctest leaves out of `text` (a reST or text file, lines
/// ending in "\n") that sphinx.ext.doctest would use, one Diagnostic (its
/// line, and "not tested: ..." or "not applied: ...") per directive:
/// `.. testsetup::`, `.. testcleanup::`, `.. testcode::` and
/// `.. testoutput::` whose body holds no `>>>` line (code and output without
/// prompts, which doctest does not run), and the `:options:`, `:skipif:`
/// and `:pyversion:` options of any of these and `.. doctest::` (doctest
/// reads them as text). Directives holding `>>>` lines need no note: doctest
/// runs those lines as examples wherever they are. Also IPython's: each
/// input prompt (`In [N]:`) of an `.. ipython::` directive or of a
/// `.. code-block::` (`.. code::`, `.. sourcecode::`) of `ipython` or
/// `ipython3`, and the body of an `.. ipython::` holding no prompt. Line 1
/// of `text` is line `first_line` of file `path`; `myst` names the
/// directives as MyST's fences do, `{testcode}`. `applied`: replay runs the
/// text as Sphinx's doctest builder does (a `.rst` file, a `.md` one using its
/// directives), so only IPython's
/// prompts are noted.
std::vector<Diagnostic> SphinxDirectiveNotes(std::string_view text, std::string_view path,
                                             int first_line = 1, bool myst = false,
                                             bool applied = false);

}  // namespace replay
