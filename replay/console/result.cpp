#include "replay/console/result.h"

#include <nlohmann/json.hpp>

namespace replay {

std::string ConsoleResult::ToJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const Substitution& s : substitutions) list.push_back({s.offset, s.length, s.expected});
  return nlohmann::json{{"inputs", inputs}, {"statements", statements}, {"substitutions", list}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Expected<ConsoleResult> ConsoleResult::FromJson(std::string_view json, std::string_view source) {
  try {
    nlohmann::json document = nlohmann::json::parse(json);
    ConsoleResult result;
    result.inputs = document.at("inputs").get<int>();
    result.statements = document.at("statements").get<int>();
    for (const auto& s : document.at("substitutions")) {
      result.substitutions.push_back(
          {s.at(0).get<size_t>(), s.at(1).get<size_t>(), s.at(2).get<std::string>()});
    }
    return result;
  } catch (const nlohmann::json::exception& error) {
    return Diagnostic{std::string(source), 0, 0,
                      std::string("the console session's result is unreadable: ") + error.what()};
  }
}

std::string ApplySubstitutions(std::string_view output,
                               const std::vector<Substitution>& substitutions) {
  std::string result;
  size_t at = 0;
  for (const Substitution& substitution : substitutions) {
    if (substitution.offset < at || substitution.offset + substitution.length > output.size()) {
      continue;
    }
    result.append(output.substr(at, substitution.offset - at));
    result.append(substitution.expected);
    at = substitution.offset + substitution.length;
  }
  result.append(output.substr(at));
  return result;
}

}  // namespace replay
