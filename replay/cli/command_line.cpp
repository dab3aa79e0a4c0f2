#include "replay/cli/command_line.h"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include "pycon/python_session.h"
#include "replay/cli/commands.h"
#include "replay/commands/console.h"
#include "replay/commands/environment.h"
#include "replay/commands/record.h"
#include "replay/commands/run.h"
#include "replay/text/spelling.h"

namespace replay {

namespace {

std::string VersionText() {
  return "replay " REPLAY_VERSION " (Python " + pycon::PythonVersion() + ")";
}

/// Set in the environment of a replay run instead of another (replay-3.X),
/// so that the chosen one does not hand over again.
const char* const kHandedOver = "REPLAY_HANDED_OVER";

/// Runs the replay built for another Python (`build`) with this process's
/// arguments. Returns only if it cannot: the exit status.
ExitStatus HandOver(const std::string& build, char** argv) {
  setenv(kHandedOver, "1", 1);
  execv(build.c_str(), argv);
  std::cerr << "replay: cannot run " << build << ": " << std::strerror(errno) << "\n";
  return ExitStatus::kUsageOrIo;
}

/// `replay record`'s options: its own and its limits from the table.
std::optional<RecordOptions> RecordOptionsOf(const CommandLine& line) {
  RecordOptions record = line.record;
  RunOptions limits;
  if (std::optional<std::string> wrong = ApplyCommandLine(line.record_limits->Given(), limits)) {
    std::cerr << "replay record: " << *wrong << "\n";
    return std::nullopt;
  }
  record.isolation = limits.isolation;
  return record;
}

/// Runs the parsed command as the chosen Python. Returns the exit status.
ExitStatus Dispatch(const CommandLine& line, char** argv) {
  bool handed_over = std::getenv(kHandedOver) != nullptr;
  unsetenv(kHandedOver);  // not for the transcripts to see
  Expected<PythonChoice> python = ChoosePython(line.global.python, !handed_over);
  if (!python) {
    std::cerr << "replay: " << python.error().ToString() << "\n";
    return ExitStatus::kUsageOrIo;
  }
  if (!python->other_build.empty()) return HandOver(python->other_build, argv);
  if (line.global.version) {
    std::cout << VersionText() << "\n" << DescribeInterpreter(python->executable) << "\n";
    return ExitStatus::kPassed;
  }
  if (line.run_command->parsed())
    return RunCommand({line.run->Given(), python->executable, line.global.verbose});
  if (line.record_command->parsed()) {
    std::optional<RecordOptions> record = RecordOptionsOf(line);
    if (!record) return ExitStatus::kUsageOrIo;
    record->python = python->executable;
    return static_cast<ExitStatus>(RecordCommand(*record));
  }
  ConsoleCommandOptions console = line.console;
  console.python = python->executable;
  return static_cast<ExitStatus>(ConsoleCommand(console));
}

/// The value given for option `name`, if the command line gave it.
std::optional<std::string> GivenValue(const std::vector<OptionAssignment>& given,
                                      const std::string& name) {
  for (const OptionAssignment& option : given)
    if (option.option->name == name && !option.values.empty()) return option.values.back();
  return std::nullopt;
}

/// Options that would do nothing in the mode --mode names: a usage error,
/// as silently ignoring them hides a mistake.
std::string UselessOption(const std::vector<OptionAssignment>& given) {
  std::optional<std::string> mode = GivenValue(given, "mode");
  if (mode == "doctest" && GivenValue(given, "ellipsis"))
    return "--ellipsis is for console transcripts; in doctest mode use --option ELLIPSIS";
  if (mode == "doctest" && GivenValue(given, "console"))
    return "--console is for console transcripts; doctest mode checks as doctest does";
  if (mode == "console" && GivenValue(given, "option"))
    return "--option sets doctest option flags, which console mode does not use "
           "(--ellipsis is its placeholder option)";
  if (mode == "console" && GivenValue(given, "prompts"))
    return "--prompts is for doctest mode; console mode always checks prompts";
  return {};
}

/// "unknown command" and the commands that exist, if `argv[1]` names none.
std::string UnknownCommand(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return {};
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return {};
  std::string text = std::string("unknown command '") + argv[1] + "'";
  if (std::optional<std::string> meant = DidYouMean(argv[1], names))
    text += " (did you mean '" + *meant + "'?)";
  text += "; the commands are:";
  for (const std::string& name : names) text += " " + name;
  return text;
}

/// Opens /dev/null on any of fds 0, 1 and 2 that is closed (`>&-`), so that
/// no file replay opens (a report, a transcript) takes its place and
/// receives what is meant for standard output, and so that the embedded
/// Python has its standard streams.
void ReserveStandardDescriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    int opened = open("/dev/null", O_RDWR);
    if (opened >= 0 && opened != fd) {
      dup2(opened, fd);
      close(opened);
    }
  }
}

/// Flushes standard output; false if anything written to it was lost (a
/// full disk, /dev/full, a closed pipe), errno set if this flush failed.
bool StandardOutputWritten() {
  std::cout.flush();
  if (std::fflush(stdout) != 0) return false;
  return !std::ferror(stdout) && std::cout;
}

/// `status`, or kUsageOrIo with a message if standard output was lost.
int CheckedExitCode(ExitStatus status) {
  errno = 0;
  if (StandardOutputWritten()) return ExitCode(status);
  // A write that failed earlier (a flush before a fork) left only the
  // stream's error flag, not its reason.
  std::cerr << "replay: cannot write to standard output: "
            << (errno != 0 ? std::strerror(errno) : "some of it was lost") << "\n";
  return ExitCode(ExitStatus::kUsageOrIo);
}

}  // namespace

int CommandLineMain(int argc, char** argv) {
  ReserveStandardDescriptors();
  CommandLine line;
  if (std::string unknown = UnknownCommand(line.app, argc, argv); !unknown.empty()) {
    std::cerr << "replay: " << unknown << "\n";
    return ExitCode(ExitStatus::kUsageOrIo);
  }
  try {
    line.app.parse(argc, argv);
    if (!line.global.version && line.app.get_subcommands().empty())
      throw CLI::RequiredError("A subcommand");
  } catch (const CLI::ParseError& error) {
    return line.app.exit(error) == 0 ? 0 : ExitCode(ExitStatus::kUsageOrIo);
  }
  if (line.run_command->parsed()) {
    if (std::string useless = UselessOption(line.run->Given()); !useless.empty()) {
      std::cerr << "replay run: " << useless << "\n";
      return ExitCode(ExitStatus::kUsageOrIo);
    }
  }
  try {
    return CheckedExitCode(Dispatch(line, argv));
  } catch (const std::exception& error) {
    std::cerr << "replay: " << error.what() << "\n";
    return ExitCode(ExitStatus::kUsageOrIo);
  }
}

}  // namespace replay
