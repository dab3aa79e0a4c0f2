#include "replay/doctest/result.h"

#include <nlohmann/json.hpp>

// std::optional as JSON: null when empty (nlohmann 3.11.2 has no support).
namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& value) {
    j = value ? json(*value) : json(nullptr);
  }
  static void from_json(const json& j, std::optional<T>& value) {
    value = j.is_null() ? std::nullopt : std::optional<T>(j.get<T>());
  }
};
}  // namespace nlohmann

namespace replay {

NLOHMANN_JSON_SERIALIZE_ENUM(ExampleOutcome, {{ExampleOutcome::kSuccess, "success"},
                                              {ExampleOutcome::kFailure, "failure"},
                                              {ExampleOutcome::kException, "exception"}})

NLOHMANN_JSON_SERIALIZE_ENUM(
    PromptFindingKind,
    {{PromptFindingKind::kContinuationAfterComplete,
      PromptFindingKindName(PromptFindingKind::kContinuationAfterComplete)},
     {PromptFindingKind::kUnclosedBlock, PromptFindingKindName(PromptFindingKind::kUnclosedBlock)},
     {PromptFindingKind::kPromptInOpenBlock,
      PromptFindingKindName(PromptFindingKind::kPromptInOpenBlock)}})

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ExampleReport, line, want_line, source, written,
                                                want, got, outcome, exception, update, group)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PromptFinding, kind, line, example_line, at_end,
                                                written, console, closed_by_empty_line)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PromptFix, line, written, console)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DoctestRefusal, line, message)

namespace {

using Json = nlohmann::json;

}  // namespace

std::string DoctestResult::ToJson() const {
  Json document;
  if (refusal) {
    document["error"] = *refusal;
  } else {
    document = {{"attempted", attempted},
                {"failed", failed},
                {"reports", reports},
                {"findings", findings},
                {"fixes", fixes}};
  }
  return document.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Expected<DoctestResult> DoctestResult::FromJson(std::string_view json, std::string_view source) {
  try {
    Json document = Json::parse(json);
    DoctestResult result;
    if (document.contains("error")) {
      result.refusal = document.at("error").get<DoctestRefusal>();
      return result;
    }
    document.at("attempted").get_to(result.attempted);
    document.at("failed").get_to(result.failed);
    document.at("reports").get_to(result.reports);
    if (document.contains("findings")) document.at("findings").get_to(result.findings);
    if (document.contains("fixes")) document.at("fixes").get_to(result.fixes);
    return result;
  } catch (const Json::exception& error) {
    return Diagnostic{std::string(source), 0, 0,
                      std::string("doctest mode returned an unreadable result: ") + error.what()};
  }
}

}  // namespace replay
