#include "replay/cli/manual.h"

#include <sstream>
#include <string_view>

#include "replay/cli/commands.h"
#include "replay/report/exit_status.h"

namespace replay {

namespace {

/// `text` safe in roff: backslashes doubled, a leading dot or quote escaped.
std::string Roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

/// An option as its synopsis shows it: "-j, --jobs N".
std::string Synopsis(const CLI::Option& option) {
  std::string names = option.get_name(true, true);
  for (size_t at = names.find(','); at != std::string::npos; at = names.find(',', at + 2))
    names.insert(at + 1, " ");
  std::string type = option.get_type_name();
  if (option.get_items_expected_max() > 0 && !type.empty()) names += " " + type;
  return names;
}

void Options(std::ostringstream& out, const CLI::App& app) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_name().empty()) continue;
    out << ".TP\n.B " << Roff(Synopsis(*option)) << "\n" << Roff(option->get_description());
    if (!option->get_envname().empty()) out << " (environment: " << option->get_envname() << ")";
    out << "\n";
  }
}

/// `text` as Markdown shows it literally in a table cell.
std::string Markdown(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (std::string_view("\\`*_|[]").find(c) != std::string_view::npos)
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

const char* KindText(OptionKind kind) {
  switch (kind) {
    case OptionKind::kFlag:
      return "true or false";
    case OptionKind::kList:
      return "an array of strings";
    case OptionKind::kTable:
      return "a table of strings";
    case OptionKind::kValue:
      break;
  }
  return "a string or a number";
}

}  // namespace

std::string ManPage() {
  CommandLine line;
  std::ostringstream out;
  out << ".TH REPLAY 1 \"\" \"replay " REPLAY_VERSION "\" \"User Commands\"\n"
      << ".SH NAME\nreplay \\- " << Roff(line.app.get_description()) << "\n"
      << ".SH SYNOPSIS\n.B replay\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n"
      << ".SH OPTIONS\n";
  Options(out, line.app);
  for (const CLI::App* command : line.app.get_subcommands([](const CLI::App*) { return true; })) {
    out << ".SH COMMAND: " << command->get_name() << "\n"
        << Roff(command->get_description()) << "\n";
    Options(out, *command);
  }
  out << ".SH CONFIGURATION\nThe table [tool.replay] of the nearest pyproject.toml (or of "
         "\\-\\-config FILE) sets defaults of replay run; the command line overrides them. "
         "Paths in it are relative to its directory, the rootdir.\n";
  for (const OptionSpec& spec : RunOptionTable()) {
    if (spec.config_key.empty()) continue;
    out << ".TP\n.B " << Roff(spec.config_key) << "\n" << KindText(spec.kind) << ": ";
    out << (spec.name.empty() && spec.short_name.empty() ? Roff(spec.help)
                                                         : "as " + Roff(spec.DisplayName()));
    out << "\n";
  }
  out << ".SH EXIT STATUS\n";
  const std::pair<ExitStatus, const char*> statuses[] = {
      {ExitStatus::kPassed, "every file passed or was skipped"},
      {ExitStatus::kFailed, "a file failed or errored"},
      {ExitStatus::kUsageOrIo, "a usage error, or input or output that failed"},
      {ExitStatus::kNothingSelected, "no file was selected"},
      {ExitStatus::kInterrupted, "interrupted"}};
  for (const auto& [status, text] : statuses)
    out << ".TP\n.B " << ExitCode(status) << "\n" << text << "\n";
  out << ".SH SEE ALSO\nThe documentation in docs/ of replay's source, python3(1)\n";
  return out.str();
}

std::string RunOptionsMarkdown() {
  CommandLine line;
  std::ostringstream out;
  out << "| Option | `[tool.replay]` key | What it does |\n| --- | --- | --- |\n";
  for (const CLI::Option* option : line.run_command->get_options()) {
    if (option->get_name().empty()) continue;
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& candidate : RunOptionTable())
      if (Cli11Names(candidate) == option->get_name(false, true) ||
          (candidate.positional && candidate.name == option->get_name(true, false)))
        spec = &candidate;
    std::string key =
        spec != nullptr && !spec->config_key.empty() ? "`" + spec->config_key + "`" : "";
    out << "| `" << Synopsis(*option) << "` | " << key << " | "
        << Markdown(option->get_description()) << " |\n";
  }
  for (const OptionSpec& spec : RunOptionTable()) {
    if (!spec.name.empty() || !spec.short_name.empty()) continue;
    out << "| | `" << spec.config_key << "` | " << Markdown(spec.help) << " |\n";
  }
  return out.str();
}

}  // namespace replay
