#include "replay/text/requirements.h"

#include <regex>
#include <vector>

#include "replay/text/lines.h"

namespace replay {

namespace {

std::vector<int> VersionNumbers(const std::string& text) {
  std::vector<int> numbers;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('.', at);
    if (end == std::string::npos) end = text.size();
    numbers.push_back(std::stoi(text.substr(at, end - at)));
    at = end + 1;
  }
  return numbers;
}

bool Holds(const std::string& op, const std::vector<int>& running, const std::vector<int>& wanted) {
  std::vector<int> have(running.begin(), running.begin() + std::min(running.size(), wanted.size()));
  if (op == ">=") return have >= wanted;
  if (op == ">") return have > wanted;
  if (op == "<=") return have <= wanted;
  if (op == "<") return have < wanted;
  if (op == "==") return have == wanted;
  return have != wanted;
}

}  // namespace

Expected<std::optional<Diagnostic>> UnmetRequirement(std::string_view text, std::string_view path,
                                                     std::string_view version) {
  std::vector<int> running = VersionNumbers(std::string(version));
  int number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++number;
    if (line.find("replay:") == std::string_view::npos) continue;  // std::regex is slow
    // Made at the first line that needs them: compiling them costs a run
    // about 3% of its start-up instructions, and most files have no such line.
    static const std::regex kComment(R"(^[ \t]*>>> #[ \t]*replay:[ \t]*requires\b(.*)$)");
    static const std::regex kRequirement(
        R"(^[ \t]+python[ \t]*(>=|<=|==|!=|>|<)[ \t]*([0-9]+(\.[0-9]+){0,2})[ \t]*\r?$)");
    std::string copy(line);
    std::smatch comment, requirement;
    if (!std::regex_match(copy, comment, kComment)) continue;
    std::string rest = comment[1];
    Diagnostic unmet{std::string(path), number, 0, ""};
    if (!std::regex_match(rest, requirement, kRequirement)) {
      unmet.message = "expected `# replay: requires python OP X.Y` (OP: >=, >, <=, <, ==, !=)";
      return unmet;  // an error, not a requirement
    }
    std::string op = requirement[1], wanted = requirement[2];
    if (Holds(op, running, VersionNumbers(wanted))) continue;
    unmet.message =
        "requires python " + op + " " + wanted + " (this is " + std::string(version) + ")";
    return std::optional<Diagnostic>(unmet);
  }
  return std::optional<Diagnostic>();
}

}  // namespace replay
