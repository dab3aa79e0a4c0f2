#include "replay/report/json_report.h"

#include <nlohmann/json.hpp>

#include "replay/text/utf8.h"

namespace replay {

std::string JsonReportHead(const RunSummary& summary) {
  nlohmann::ordered_json head = {
      {"total", summary.total()},           {"passed", summary.passed},
      {"failed", summary.failed},           {"errors", summary.errors},
      {"skipped", summary.skipped},         {"duration_s", summary.duration_s},
      {"interrupted", summary.interrupted}, {"interrupted_files", summary.interrupted_files},
      {"not_run", summary.not_run}};
  return "{\n  \"summary\": " + head.dump() + ",\n  \"transcripts\": [\n";
}

std::string JsonReportEntry(const TranscriptVerdict& verdict) {
  nlohmann::ordered_json entry = {{"path", ToValidUtf8(verdict.path)},
                                  {"status", StatusName(verdict.status)},
                                  {"mode", verdict.mode},
                                  {"examples", verdict.examples},
                                  {"failures", verdict.failures},
                                  {"message", ToValidUtf8(verdict.message)},
                                  {"line", verdict.line},
                                  {"diff", ToValidUtf8(verdict.diff)},
                                  {"duration_s", verdict.duration_s},
                                  {"updated", verdict.updated},
                                  {"not_updated", ToValidUtf8(verdict.not_updated)},
                                  {"notes", nlohmann::json::array()}};
  if (!verdict.updated_path.empty()) entry["updated_path"] = ToValidUtf8(verdict.updated_path);
  if (!verdict.updated_in_place.empty())
    entry["updated_in_place"] = ToValidUtf8(verdict.updated_in_place);
  for (const std::string& note : verdict.notes) entry["notes"].push_back(ToValidUtf8(note));
  for (const std::string& refused : verdict.examples_not_updated)
    entry["examples_not_updated"].push_back(ToValidUtf8(refused));
  return "    " + entry.dump();
}

std::string JsonReport(const RunSummary& summary, const std::vector<TranscriptVerdict>& verdicts) {
  std::string report = JsonReportHead(summary);
  for (size_t i = 0; i < verdicts.size(); ++i) {
    if (i > 0) report += kJsonEntrySeparator;
    report += JsonReportEntry(verdicts[i]);
  }
  return report + kJsonReportTail;
}

}  // namespace replay
