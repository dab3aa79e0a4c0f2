#include "replay/doctest/rst_directives.h"

#include <regex>

#include "replay/text/lines.h"

namespace replay {

namespace {

/// The sphinx.ext.doctest directives, and what Sphinx does with a body.
const std::vector<std::pair<std::string, std::string>> kBodies = {
    {"testsetup", "Sphinx runs this code before the examples"},
    {"testcleanup", "Sphinx runs this code after the examples"},
    {"testcode", "Sphinx runs this code and compares its output with the testoutput after it"},
    {"testoutput", "Sphinx compares it with the output of the testcode before it"},
    {"ipython", "IPython's directive runs this code"},
};

/// How a note names directive `name`: `.. name::`, or MyST's `{name}`.
std::string Shown(const std::string& name, bool myst) {
  return myst ? "{" + name + "}" : ".. " + name + "::";
}

/// The IPython input prompt (`In [12]:`) that starts `line`, or "".
std::string InPrompt(const std::string& line) {
  static const std::regex prompt(R"(^\s*(In \[\d+\]:))");
  std::smatch match;
  return std::regex_search(line, match, prompt) ? std::string(match[1]) : std::string();
}

size_t IndentOf(const std::string& line) { return line.find_first_not_of(' '); }

/// Whether `line` can start a directive: its first characters after
/// white space (what the directive regex's `^\s*` skips) are `..`. The regex
/// is run on those lines alone: over every line of a file it cost 3% of a
/// doctest run.
bool MayStartDirective(const std::string& line) {
  size_t start = line.find_first_not_of(" \t\n\v\f\r");
  return start != std::string::npos && line.compare(start, 2, "..") == 0;
}

bool IsBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

/// The lines of the body of the directive at `lines[at]`: the lines after
/// it that are blank or indented more than it.
size_t BodyEnd(const std::vector<std::string>& lines, size_t at) {
  size_t indent = IndentOf(lines[at]), end = at + 1;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    if (IsBlank(lines[i])) continue;
    if (IndentOf(lines[i]) <= indent) break;
    end = i + 1;
  }
  return end;
}

void NoteOptions(const std::vector<std::string>& lines, size_t at, size_t end,
                 const std::string& directive, bool myst, std::string_view path, int offset,
                 std::vector<Diagnostic>& notes) {
  static const std::regex option(R"(^\s+:(options|skipif|pyversion):)");
  for (size_t i = at + 1; i < end && !IsBlank(lines[i]); ++i) {
    std::smatch match;
    if (!std::regex_search(lines[i], match, option)) continue;
    std::string name = match[1];
    std::string why = name == "options"
                          ? "doctest reads it as text; use `# doctest: +FLAG` or --option"
                          : "doctest reads it as text, so the examples run on every Python; use "
                            "`>>> # replay: requires python ...`";
    notes.push_back(
        {std::string(path), offset + static_cast<int>(i), 0,
         "not applied: :" + name + ": of " + Shown(directive, myst) + " (" + why + ")"});
  }
}

/// Applied (a .rst file): an option directive `name` does not take, for
/// which docutils refuses the directive, so that Sphinx runs nothing of it
/// (sphinx.ext.doctest's option_spec, as replay/doctest/sphinx_rst.py has it).
void NoteRefusedOptions(const std::vector<std::string>& lines, size_t at, size_t end,
                        const std::string& name, bool myst, std::string_view path, int offset,
                        std::vector<Diagnostic>& notes) {
  static const std::regex option(R"(^\s+:([^:]+):)");
  static const std::regex takes(
      R"(skipif|(hide|no-trim-doctest-flags|trim-doctest-flags|pyversion)|(options))");
  for (size_t i = at + 1; i < end && !IsBlank(lines[i]); ++i) {
    std::smatch match, kind;
    if (!std::regex_search(lines[i], match, option)) continue;
    std::string taken = match[1];
    bool known =
        std::regex_match(taken, kind, takes) &&
        (name == "doctest" || name == "testoutput" || (name == "testcode" && !kind[2].matched) ||
         (!kind[1].matched && !kind[2].matched));
    if (known) continue;
    notes.push_back({std::string(path), offset + static_cast<int>(i), 0,
                     "not tested: " + Shown(name, myst) + " takes no :" + taken + ": option (" +
                         (myst ? "MyST" : "docutils") +
                         " refuses the directive, so Sphinx runs nothing of it)"});
  }
}

}  // namespace

std::vector<Diagnostic> SphinxDirectiveNotes(std::string_view text, std::string_view path,
                                             int first_line, bool myst, bool applied) {
  static const std::regex directive(
      R"(^\s*\.\. (testsetup|testcleanup|testcode|testoutput|doctest|ipython)::)"
      R"(|^\s*\.\. (?:code-block|code|sourcecode):: *(ipython3?)\s*$)");
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) lines.emplace_back(line);
  std::vector<Diagnostic> notes;
  for (size_t at = 0; at < lines.size(); ++at) {
    std::smatch match;
    if (!MayStartDirective(lines[at]) || !std::regex_search(lines[at], match, directive)) continue;
    // `.. code-block:: ipython`: its prompts are noted, its code is not run.
    bool code = match[2].matched;
    std::string name = code ? "code-block" : std::string(match[1]);
    size_t end = BodyEnd(lines, at);
    bool prompts = false;
    std::vector<Diagnostic> ipython;
    for (size_t i = at + 1; i < end; ++i) {
      size_t indent = IndentOf(lines[i]);
      prompts = prompts || (indent != std::string::npos && lines[i].compare(indent, 3, ">>>") == 0);
      std::string prompt = code || name == "ipython" ? InPrompt(lines[i]) : "";
      if (prompt.empty()) continue;
      ipython.push_back({std::string(path), first_line + static_cast<int>(i), 0,
                         "not tested: an IPython prompt (" + prompt +
                             ") is IPython's syntax, not doctest's; doctest runs only >>> "
                             "examples"});
    }
    for (const auto& [body, what] : kBodies) {
      if (body != name || prompts || !ipython.empty() || end == at + 1) continue;
      if (applied && name != "ipython") continue;
      notes.push_back({std::string(path), first_line + static_cast<int>(at), 0,
                       "not tested: the body of " + Shown(name, myst) + " (" + what +
                           "; doctest runs only >>> examples)"});
    }
    if (!code && !applied) NoteOptions(lines, at, end, name, myst, path, first_line, notes);
    if (!code && applied && name != "ipython")
      NoteRefusedOptions(lines, at, end, name, myst, path, first_line, notes);
    notes.insert(notes.end(), ipython.begin(), ipython.end());
  }
  return notes;
}

}  // namespace replay
