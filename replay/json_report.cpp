#include "json_report.h"

#include <nlohmann/json.hpp>

#include "utf8.h"

namespace replay {

std::string JsonReport(const RunVerdicts& run) {
  nlohmann::ordered_json transcripts = nlohmann::ordered_json::array();
  for (const TranscriptVerdict& verdict : run.transcripts) {
    transcripts.push_back({{"path", ToValidUtf8(verdict.path)},
                           {"status", StatusName(verdict.status)},
                           {"mode", verdict.mode},
                           {"examples", verdict.examples},
                           {"failures", verdict.failures},
                           {"message", ToValidUtf8(verdict.message)},
                           {"diff", ToValidUtf8(verdict.diff)},
                           {"duration_s", verdict.duration_s},
                           {"updated", verdict.updated}});
  }
  nlohmann::ordered_json report = {
      {"summary",
       {{"total", run.transcripts.size()},
        {"passed", run.Count(Status::kPassed)},
        {"failed", run.Count(Status::kFailed)},
        {"errors", run.Count(Status::kError)},
        {"skipped", run.Count(Status::kSkipped)},
        {"duration_s", run.duration_s},
        {"interrupted", run.interrupted}}},
      {"transcripts", transcripts}};
  return report.dump(2) + "\n";
}

}  // namespace replay
