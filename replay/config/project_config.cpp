#include "replay/config/project_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

#include "replay/text/lines.h"
#include "replay/text/spelling.h"

namespace replay {

namespace {

Diagnostic At(std::string_view file, const toml::source_region& where, std::string message) {
  return Diagnostic{std::string(file), static_cast<int>(where.begin.line),
                    static_cast<int>(where.begin.column), std::move(message)};
}

ConfigValue ValueAt(std::string text, const toml::node& node) {
  return {std::move(text), static_cast<int>(node.source().begin.line),
          static_cast<int>(node.source().begin.column)};
}

/// A scalar as the command line would give it; nullopt for an array or table.
std::optional<std::string> ScalarText(const toml::node& node) {
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
  if (const auto* boolean = node.as_boolean()) return boolean->get() ? "true" : "false";
  if (const auto* number = node.as_floating_point()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", number->get());
    return std::string(buffer);
  }
  return std::nullopt;
}

/// The values of `node` for an option of kind `kind`; what TOML type was
/// expected otherwise.
Expected<std::vector<ConfigValue>> ValuesOf(const toml::node& node, OptionKind kind,
                                            std::string_view file) {
  std::vector<ConfigValue> values;
  switch (kind) {
    case OptionKind::kFlag:
      if (!node.is_boolean()) return At(file, node.source(), "expected true or false");
      values.push_back(ValueAt(*ScalarText(node), node));
      break;
    case OptionKind::kValue: {
      std::optional<std::string> text = ScalarText(node);
      if (!text) return At(file, node.source(), "expected a string or a number");
      values.push_back(ValueAt(*text, node));
      break;
    }
    case OptionKind::kList: {
      const auto* array = node.as_array();
      if (array == nullptr) return At(file, node.source(), "expected an array of strings");
      for (const toml::node& item : *array) {
        if (!item.is_string()) return At(file, node.source(), "expected an array of strings");
        values.push_back(ValueAt(item.as_string()->get(), item));
      }
      break;
    }
    case OptionKind::kTable: {
      const auto* table = node.as_table();
      if (table == nullptr)
        return At(file, node.source(), "expected a table ({ \"*.txt\" = \"doctest\" })");
      for (auto&& [key, item] : *table) {
        if (!item.is_string()) return At(file, item.source(), "expected a string");
        values.push_back(ConfigValue{std::string(key.str()),
                                     static_cast<int>(key.source().begin.line),
                                     static_cast<int>(key.source().begin.column)});
        values.push_back(ValueAt(item.as_string()->get(), item));
      }
      break;
    }
  }
  return values;
}

Diagnostic UnknownKey(std::string_view file, const toml::key& key) {
  std::string name(key.str());
  std::string message = "[tool.replay]: unknown key '" + name + "'";
  if (std::optional<std::string> meant = DidYouMean(name, ConfigKeys()))
    message += " (did you mean '" + *meant + "'?)";
  return At(file, key.source(), message + "; known keys: " + Join(ConfigKeys(), ", "));
}

}  // namespace

const ConfigSetting* ProjectConfig::Find(std::string_view key) const {
  for (const ConfigSetting& setting : settings)
    if (setting.option->config_key == key) return &setting;
  return nullptr;
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
    const OptionSpec* option = OptionForConfigKey(std::string(key.str()));
    if (option == nullptr) return UnknownKey(display_name, key);
    Expected<std::vector<ConfigValue>> values = ValuesOf(node, option->kind, display_name);
    if (!values) {
      Diagnostic error = values.error();
      error.message = "[tool.replay] " + option->config_key + ": " + error.message;
      return error;
    }
    config.settings.push_back({option, static_cast<int>(key.source().begin.line), *values});
  }
  // Applied in the order of the option table, whatever the file's order.
  const std::vector<OptionSpec>& order = RunOptionTable();
  std::stable_sort(config.settings.begin(), config.settings.end(),
                   [&](const ConfigSetting& a, const ConfigSetting& b) {
                     return a.option - order.data() < b.option - order.data();
                   });
  return std::optional<ProjectConfig>(std::move(config));
}

Expected<void> ApplyProjectConfig(const ProjectConfig& config, RunOptions& options) {
  for (const ConfigSetting& setting : config.settings) {
    std::string key = "[tool.replay] " + setting.option->config_key;
    OptionOrigin origin{config.file + ":" + std::to_string(setting.line) + ": " + key,
                        config.rootdir};
    std::vector<std::string> values;
    for (const ConfigValue& value : setting.values) values.push_back(value.text);
    // An empty array sets an empty list; a flag or value always has one.
    if (values.empty() && setting.option->kind != OptionKind::kList &&
        setting.option->kind != OptionKind::kTable)
      continue;
    if (std::optional<OptionError> wrong = setting.option->set(values, origin, options)) {
      ConfigValue where = setting.values.empty()
                              ? ConfigValue{"", setting.line, 0}
                              : setting.values[std::min(wrong->item, setting.values.size() - 1)];
      return Diagnostic{config.file, where.line, where.column, key + ": " + wrong->message};
    }
  }
  return {};
}

}  // namespace replay
