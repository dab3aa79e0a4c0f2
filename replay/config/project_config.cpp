#include "replay/config/project_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <map>

#include "replay/text/spelling.h"

namespace replay {

namespace {

/// Reads one key's value into the config, or says what is wrong with it.
using KeyReader = std::function<std::optional<std::string>(const toml::node&, ProjectConfig&)>;

std::optional<std::string> ReadString(const toml::node& node, std::string& out,
                                      const std::vector<std::string>& allowed) {
  const auto* value = node.as_string();
  if (value == nullptr) return "expected a string";
  out = value->get();
  if (allowed.empty() || std::find(allowed.begin(), allowed.end(), out) != allowed.end())
    return std::nullopt;
  std::string text = "'" + out + "' is not one of ";
  for (const std::string& name : allowed)
    text += (&name == &allowed.front() ? "'" : ", '") + name + "'";
  if (std::optional<std::string> meant = DidYouMean(out, allowed))
    text += " (did you mean '" + *meant + "'?)";
  return text;
}

std::optional<std::string> ReadStrings(const toml::node& node, std::vector<std::string>& out) {
  const auto* array = node.as_array();
  if (array == nullptr) return "expected an array of strings";
  out.clear();
  for (const toml::node& item : *array) {
    if (!item.is_string()) return "expected an array of strings";
    out.push_back(item.as_string()->get());
  }
  return std::nullopt;
}

std::optional<std::string> ReadBytes(const toml::node& node, size_t& out, bool zero_allowed) {
  std::optional<size_t> bytes;
  if (const auto* integer = node.as_integer(); integer != nullptr && integer->get() >= 0) {
    bytes = static_cast<size_t>(integer->get());
  } else if (const auto* text = node.as_string()) {
    bytes = ParseByteCount(text->get());
  }
  if (!bytes || (*bytes == 0 && !zero_allowed)) {
    return std::string("expected a number of bytes") + (zero_allowed ? "" : " more than 0") +
           " (an integer, or a string such as \"16M\": K, M, G count 1024s)";
  }
  out = *bytes;
  return std::nullopt;
}

Diagnostic At(std::string_view file, const toml::source_region& where, std::string message) {
  return Diagnostic{std::string(file), static_cast<int>(where.begin.line),
                    static_cast<int>(where.begin.column), std::move(message)};
}

/// [tool.replay.modes]: each glob's mode; a wrong one is named where it is.
Expected<void> ReadModes(const toml::node& node, ProjectConfig& config, std::string_view file) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    return At(file, node.source(),
              "[tool.replay] modes: expected a table of globs and modes ({ \"*.txt\" = "
              "\"doctest\" })");
  }
  config.modes.clear();
  for (auto&& [glob, mode] : *table) {
    ModeGlob entry{std::string(glob.str()), ""};
    if (std::optional<std::string> wrong = ReadString(mode, entry.mode, {"console", "doctest"}))
      return At(file, mode.source(), "[tool.replay] modes: \"" + entry.glob + "\": " + *wrong);
    config.modes.push_back(std::move(entry));
  }
  // The most specific glob wins: the longest.
  std::stable_sort(
      config.modes.begin(), config.modes.end(),
      [](const ModeGlob& a, const ModeGlob& b) { return a.glob.size() > b.glob.size(); });
  return {};
}

const std::map<std::string, KeyReader>& Readers() {
  static const std::map<std::string, KeyReader> readers = {
      {"paths",
       [](const toml::node& n, ProjectConfig& c) { return ReadStrings(n, c.paths.emplace()); }},
      {"exclude", [](const toml::node& n, ProjectConfig& c) { return ReadStrings(n, c.exclude); }},
      {"mode",
       [](const toml::node& n, ProjectConfig& c) {
         return ReadString(n, c.mode.emplace(), {"auto", "console", "doctest"});
       }},
      {"modes", nullptr},  // ReadModes
      {"doctest-options",
       [](const toml::node& n, ProjectConfig& c) {
         return ReadStrings(n, c.doctest_options.emplace());
       }},
      {"prompts",
       [](const toml::node& n, ProjectConfig& c) {
         return ReadString(n, c.prompts.emplace(), {"fail", "warn", "off"});
       }},
      {"timeout",
       [](const toml::node& n, ProjectConfig& c) -> std::optional<std::string> {
         std::optional<double> seconds = n.value<double>();
         if (!seconds || !(*seconds > 0)) return "expected a number of seconds more than 0";
         c.timeout = seconds;
         return std::nullopt;
       }},
      {"jobs",
       [](const toml::node& n, ProjectConfig& c) -> std::optional<std::string> {
         const auto* jobs = n.as_integer();
         if (jobs == nullptr || jobs->get() < 0 || jobs->get() > 4096)
           return "expected a number of jobs, 0 (one per CPU) or more";
         c.jobs = static_cast<int>(jobs->get());
         return std::nullopt;
       }},
      {"max-output", [](const toml::node& n,
                        ProjectConfig& c) { return ReadBytes(n, c.max_output.emplace(), false); }},
      {"max-memory", [](const toml::node& n,
                        ProjectConfig& c) { return ReadBytes(n, c.max_memory.emplace(), true); }},
      {"ellipsis",
       [](const toml::node& n, ProjectConfig& c) -> std::optional<std::string> {
         if (!n.is_boolean()) return "expected true or false";
         c.ellipsis = n.as_boolean()->get();
         return std::nullopt;
       }},
      {"setup",
       [](const toml::node& n, ProjectConfig& c) { return ReadString(n, c.setup.emplace(), {}); }},
  };
  return readers;
}

}  // namespace

std::vector<std::string> ProjectConfigKeys() {
  std::vector<std::string> keys;
  for (const auto& entry : Readers()) keys.push_back(entry.first);
  return keys;
}

Expected<std::optional<ProjectConfig>> ParseProjectConfig(std::string_view text,
                                                          std::string_view display_name) {
  toml::table document;
  try {
    document = toml::parse(text, display_name);
  } catch (const toml::parse_error& error) {
    return At(display_name, error.source(), "not valid TOML: " + std::string(error.description()));
  }
  const toml::node* table_node = document["tool"]["replay"].node();
  if (table_node == nullptr) return std::optional<ProjectConfig>();
  const toml::table* table = table_node->as_table();
  if (table == nullptr)
    return At(display_name, table_node->source(), "tool.replay: expected a table ([tool.replay])");
  ProjectConfig config;
  config.file = std::string(display_name);
  for (auto&& [key, node] : *table) {
    std::string name(key.str());
    auto reader = Readers().find(name);
    if (reader == Readers().end()) {
      std::string message = "[tool.replay]: unknown key '" + name + "'";
      if (std::optional<std::string> meant = DidYouMean(name, ProjectConfigKeys()))
        message += " (did you mean '" + *meant + "'?)";
      return At(
          display_name, key.source(), message + "; known keys: " + [] {
            std::string all;
            for (const std::string& k : ProjectConfigKeys()) all += (all.empty() ? "" : ", ") + k;
            return all;
          }());
    }
    if (name == "modes") {
      if (Expected<void> read = ReadModes(node, config, display_name); !read) return read.error();
    } else if (std::optional<std::string> wrong = reader->second(node, config)) {
      return At(display_name, node.source(), "[tool.replay] " + name + ": " + *wrong);
    }
    config.lines[name] = static_cast<int>(key.source().begin.line);
  }
  return std::optional<ProjectConfig>(std::move(config));
}

std::optional<size_t> ParseByteCount(std::string_view text) {
  size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string unit(end, text.data() + text.size());
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!unit.empty() && unit.back() == 'B') unit.pop_back();
  const std::map<std::string, int> shifts = {{"", 0}, {"K", 10}, {"M", 20}, {"G", 30}};
  auto shift = shifts.find(unit);
  if (shift == shifts.end() || value > (SIZE_MAX >> shift->second)) return std::nullopt;
  return value << shift->second;
}

}  // namespace replay
