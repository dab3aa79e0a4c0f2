#include "replay/config/pytest_config.h"

#include <toml++/toml.h>

#include <filesystem>
#include <map>
#include <system_error>

#include "replay/config/rootdir.h"
#include "replay/text/files.h"
#include "replay/text/lines.h"

namespace replay {

namespace fs = std::filesystem;

namespace {

constexpr char kKey[] = "doctest_optionflags";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view Strip(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view StripRight(std::string_view text) {
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

/// The flags of `value` at `line` of `name` (section `section`), split as
/// pytest's getini(type="args") splits a string.
Expected<PytestOptionFlags> FlagsOf(const std::string& name, int line, const std::string& section,
                                    std::string_view value) {
  PytestOptionFlags found;
  found.file = name;
  found.origin = name + ":" + std::to_string(line) + ": " + section + " " + kKey;
  std::optional<std::vector<std::string>> flags = ShlexSplit(value);
  if (!flags) return Diagnostic{name, line, 0, section + " " + kKey + ": no closing quotation"};
  found.flags = std::move(*flags);
  return found;
}

/// `flags` with pytest's COMPARISON_FLAGS (doctest.COMPARISON_FLAGS, which
/// pytest's doctest_optionflags takes, but no name of
/// doctest.OPTIONFLAGS_BY_NAME) as the flags it is made of.
std::vector<std::string> Expanded(const std::vector<std::string>& flags) {
  std::vector<std::string> expanded;
  for (const std::string& flag : flags) {
    if (flag != "COMPARISON_FLAGS") {
      expanded.push_back(flag);
      continue;
    }
    for (const char* member :
         {"DONT_ACCEPT_TRUE_FOR_1", "DONT_ACCEPT_BLANKLINE", "NORMALIZE_WHITESPACE", "ELLIPSIS",
          "SKIP", "IGNORE_EXCEPTION_DETAIL"})
      expanded.emplace_back(member);
  }
  return expanded;
}

/// An INI section of iniconfig: each name's value and 1-based line.
struct IniValue {
  std::string value;
  int line = 0;
};
using IniSections = std::map<std::string, std::map<std::string, IniValue>>;

/// `text` parsed as iniconfig 1.x parses it (pytest's INI reader).
Expected<IniSections> ParseIni(std::string_view text, const std::string& name) {
  IniSections sections;
  std::string section;
  bool in_section = false;
  IniValue* last = nullptr;  // the value a continuation line extends
  int lineno = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++lineno;
    auto fail = [&](const std::string& message) {
      return Diagnostic{name, lineno, 0, "pytest cannot read this file: " + message};
    };
    std::string_view stripped = Strip(raw);
    if (stripped.empty() || stripped.front() == '#' || stripped.front() == ';') continue;
    std::string_view line = StripRight(raw);
    std::optional<std::string_view> continuation;
    if (line.front() == '[') {
      std::string_view head = line.substr(0, line.find_first_of("#;"));
      head = StripRight(head);
      if (!head.empty() && head.back() == ']') {
        section = std::string(head.substr(1, head.size() - 2));
        if (section.empty()) return fail("empty section name");
        if (sections.count(section)) return fail("duplicate section '" + section + "'");
        sections[section];
        in_section = true;
        last = nullptr;
        continue;
      }
      continuation = Strip(line);
    } else if (!IsSpace(line.front())) {
      size_t equals = line.find('=');
      size_t split = equals;
      if (equals == std::string_view::npos ||
          line.substr(0, equals).find(':') != std::string_view::npos)
        split = line.find(':');
      if (split == std::string_view::npos)
        return fail("unexpected line: '" + std::string(line) + "'");
      if (!in_section) return fail("no section header defined");
      std::string key(Strip(line.substr(0, split)));
      auto& values = sections[section];
      if (values.count(key)) return fail("duplicate name '" + key + "'");
      last = &values[key];
      *last = IniValue{std::string(Strip(line.substr(split + 1))), lineno};
      continue;
    } else {
      continuation = Strip(line);
    }
    if (last == nullptr) return fail("unexpected value continuation");
    if (!last->value.empty()) last->value += "\n";
    last->value += std::string(*continuation);
  }
  return sections;
}

std::string BaseName(const std::string& name) { return fs::path(name).filename().string(); }

/// The pytest configuration of file `file`, if pytest takes it.
Expected<std::optional<PytestOptionFlags>> ReadCandidate(const fs::path& file) {
  Expected<std::string> text = ReadFile(file.string());
  if (!text) return text.error();
  if (file.filename() == "pyproject.toml") return ReadPytestToml(*text, file.string());
  return ReadPytestIni(*text, file.string());
}

/// pytest's locate_config from directory `start`: the first configuration
/// file pytest takes in it or a directory above it.
Expected<std::optional<PytestOptionFlags>> Locate(const fs::path& start) {
  std::error_code error;
  for (fs::path directory = start;; directory = directory.parent_path()) {
    for (const char* name :
         {"pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"}) {
      fs::path candidate = directory / name;
      if (!fs::is_regular_file(candidate, error)) continue;
      Expected<std::optional<PytestOptionFlags>> found = ReadCandidate(candidate);
      if (!found || *found) return found;
    }
    if (directory == directory.root_path() || directory.empty()) break;
  }
  return std::optional<PytestOptionFlags>();
}

}  // namespace

std::optional<std::vector<std::string>> ShlexSplit(std::string_view value) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (IsSpace(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\\') {
      if (++i == value.size()) return std::nullopt;  // no escaped character
      word += value[i];
      in_word = true;
    } else if (c == '\'' || c == '"') {
      in_word = true;
      for (++i;; ++i) {
        if (i >= value.size()) return std::nullopt;
        if (value[i] == c) break;
        if (c == '"' && value[i] == '\\' && i + 1 < value.size() &&
            (value[i + 1] == '"' || value[i + 1] == '\\'))
          ++i;
        word += value[i];
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

Expected<std::optional<PytestOptionFlags>> ReadPytestIni(std::string_view text,
                                                         const std::string& name) {
  Expected<IniSections> sections = ParseIni(text, name);
  if (!sections) return sections.error();
  std::string base = BaseName(name);
  std::string section;
  if (base == "setup.cfg") {
    if (sections->count("tool:pytest")) {
      section = "tool:pytest";
    } else if (sections->count("pytest")) {
      return Diagnostic{name, 0, 0,
                        "[pytest] section in setup.cfg files is no longer supported, change to "
                        "[tool:pytest] instead (pytest refuses it)"};
    }
  } else if (sections->count("pytest")) {
    section = "pytest";
  }
  PytestOptionFlags found;
  found.file = name;
  if (section.empty()) {
    // pytest.ini is pytest's configuration even without a [pytest] section.
    if (base == "pytest.ini") return std::optional<PytestOptionFlags>(found);
    return std::optional<PytestOptionFlags>();
  }
  const auto& values = (*sections)[section];
  auto value = values.find(kKey);
  if (value == values.end()) return std::optional<PytestOptionFlags>(found);
  Expected<PytestOptionFlags> flags =
      FlagsOf(name, value->second.line, "[" + section + "]", value->second.value);
  if (!flags) return flags.error();
  return std::optional<PytestOptionFlags>(std::move(*flags));
}

Expected<std::optional<PytestOptionFlags>> ReadPytestToml(std::string_view text,
                                                          const std::string& name) {
  toml::table document;
  try {
    document = toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    return Diagnostic{name, static_cast<int>(error.source().begin.line),
                      static_cast<int>(error.source().begin.column),
                      "not valid TOML: " + std::string(error.description())};
  }
  const toml::table* options = document["tool"]["pytest"]["ini_options"].as_table();
  if (options == nullptr) return std::optional<PytestOptionFlags>();
  PytestOptionFlags found;
  found.file = name;
  const toml::node* node = options->get(kKey);
  if (node == nullptr) return std::optional<PytestOptionFlags>(found);
  int line = static_cast<int>(node->source().begin.line);
  const std::string section = "[tool.pytest.ini_options]";
  if (const auto* text_value = node->as_string()) {
    Expected<PytestOptionFlags> flags = FlagsOf(name, line, section, text_value->get());
    if (!flags) return flags.error();
    return std::optional<PytestOptionFlags>(std::move(*flags));
  }
  const auto* array = node->as_array();
  std::string wrong = section + " " + kKey + ": expected a string or an array of strings";
  if (array == nullptr) return Diagnostic{name, line, 0, wrong};
  found.origin = name + ":" + std::to_string(line) + ": " + section + " " + kKey;
  for (const toml::node& item : *array) {
    if (!item.is_string()) return Diagnostic{name, line, 0, wrong};
    found.flags.push_back(item.as_string()->get());
  }
  return std::optional<PytestOptionFlags>(std::move(found));
}

Expected<PytestOptionFlags> FindPytestOptionFlags(const std::vector<std::string>& paths) {
  // As pytest's determine_setup: paths that do not exist do not count.
  std::vector<std::string> existing;
  std::error_code error;
  for (const std::string& path : paths)
    if (fs::exists(path, error)) existing.push_back(path);
  fs::path ancestor = CommonAncestorDirectory(existing);
  Expected<std::optional<PytestOptionFlags>> found = Locate(ancestor);
  if (!found) return found.error();
  if (*found) {
    (*found)->flags = Expanded((*found)->flags);
    return std::move(**found);
  }
  for (fs::path directory = ancestor;; directory = directory.parent_path()) {
    if (fs::is_regular_file(directory / "setup.py", error)) return PytestOptionFlags{};
    if (directory == directory.root_path() || directory.empty()) break;
  }
  for (const std::string& path : existing) {
    found = Locate(CommonAncestorDirectory({path}));
    if (!found) return found.error();
    if (*found) {
      (*found)->flags = Expanded((*found)->flags);
      return std::move(**found);
    }
  }
  return PytestOptionFlags{};
}

}  // namespace replay
