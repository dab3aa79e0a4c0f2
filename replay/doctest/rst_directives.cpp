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
};

size_t IndentOf(const std::string& line) { return line.find_first_not_of(' '); }

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
                 const std::string& directive, std::string_view path,
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
    notes.push_back({std::string(path), static_cast<int>(i + 1), 0,
                     "not applied: :" + name + ": of .. " + directive + ":: (" + why + ")"});
  }
}

}  // namespace

std::vector<Diagnostic> SphinxDirectiveNotes(std::string_view text, std::string_view path) {
  static const std::regex directive(
      R"(^\s*\.\. (testsetup|testcleanup|testcode|testoutput|doctest)::)");
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) lines.emplace_back(line);
  std::vector<Diagnostic> notes;
  for (size_t at = 0; at < lines.size(); ++at) {
    std::smatch match;
    if (!std::regex_search(lines[at], match, directive)) continue;
    std::string name = match[1];
    size_t end = BodyEnd(lines, at);
    bool prompts = false;
    for (size_t i = at + 1; i < end; ++i) {
      size_t indent = IndentOf(lines[i]);
      prompts = prompts || (indent != std::string::npos && lines[i].compare(indent, 3, ">>>") == 0);
    }
    for (const auto& [body, what] : kBodies) {
      if (body != name || prompts || end == at + 1) continue;
      notes.push_back({std::string(path), static_cast<int>(at + 1), 0,
                       "not tested: the body of .. " + name + ":: (" + what +
                           "; doctest runs only >>> examples)"});
    }
    NoteOptions(lines, at, end, name, path, notes);
  }
  return notes;
}

}  // namespace replay
