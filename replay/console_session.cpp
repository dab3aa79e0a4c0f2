#include "console_session.h"

#include <nlohmann/json.hpp>

namespace replay {

namespace {

std::string Encode(const ReplaySummary& summary) {
  nlohmann::json substitutions = nlohmann::json::array();
  for (const Substitution& s : summary.substitutions) {
    substitutions.push_back({s.offset, s.length, s.expected});
  }
  return nlohmann::json{{"inputs", summary.inputs},
                        {"statements", summary.statements},
                        {"substitutions", substitutions}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Session ConsoleTranscriptSession(std::string name, std::string text,
                                 const Placeholders& placeholders) {
  return Session{std::move(name), [text = std::move(text), placeholders](const ReplayHooks& hooks) {
                   pycon::InteractiveConsole console;
                   return Encode(ReplayConsoleTranscript(console, text, hooks, placeholders));
                 }};
}

Session InputLinesSession(std::string name, std::string text) {
  return Session{std::move(name), [text = std::move(text)](const ReplayHooks& hooks) {
                   pycon::InteractiveConsole console;
                   return Encode(ReplayInputLines(console, text, hooks));
                 }};
}

ReplaySummary DecodeConsoleResult(const std::string& result) {
  ReplaySummary summary;
  nlohmann::json json = nlohmann::json::parse(result, nullptr, false);
  if (!json.is_object()) return summary;
  summary.inputs = json.value("inputs", 0);
  summary.statements = json.value("statements", 0);
  for (const auto& s : json.value("substitutions", nlohmann::json::array())) {
    summary.substitutions.push_back(
        {s.at(0).get<size_t>(), s.at(1).get<size_t>(), s.at(2).get<std::string>()});
  }
  return summary;
}

}  // namespace replay
