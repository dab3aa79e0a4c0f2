#include "replay/commands/run.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "pycon/python_session.h"
#include "replay/commands/environment.h"
#include "replay/commands/host_interpreter.h"
#include "replay/commands/run_config.h"
#include "replay/config/last_failed.h"
#include "replay/config/rootdir.h"
#include "replay/console/session.h"
#include "replay/console/verdict.h"
#include "replay/doctest/text.h"
#include "replay/doctest/update.h"
#include "replay/report/run_reporter.h"
#include "replay/runner/interrupt.h"
#include "replay/runner/isolated_runner.h"
#include "replay/text/discovery.h"
#include "replay/text/files.h"
#include "replay/text/lines.h"
#include "replay/text/requirements.h"
#include "replay/text/selection.h"
#include "replay/text/spelling.h"
#include "replay/text/transcript_text.h"
#include "replay/text/version_files.h"

namespace replay {

namespace {

const std::vector<std::string> kDoctestExtensions = {".txt", ".rst", ".md"};

/// A file of the run and how it is checked.
struct PlannedFile {
  std::string path;
  Mode mode = Mode::kConsole;
  int line = 0;  ///< FILE:LINE: the example at this line only; 0: all
};

/// The mode of file `path` (`relative` to the rootdir): the most specific
/// glob of [tool.replay.modes] that matches, else --mode (or `mode`), else by
/// extension: doctest for .txt, .rst, .md and .py, console otherwise.
Mode ModeOf(const std::string& path, const std::string& relative, const RunOptions& options) {
  for (const ModeGlob& glob : options.mode_globs) {
    if (MatchesPathGlob(relative, glob.glob))
      return glob.mode == "doctest" ? Mode::kDoctest : Mode::kConsole;
  }
  if (options.mode != ModeChoice::kAuto)
    return options.mode == ModeChoice::kDoctest ? Mode::kDoctest : Mode::kConsole;
  bool doctest = EndsWith(path, ".py") ||
                 std::any_of(kDoctestExtensions.begin(), kDoctestExtensions.end(),
                             [&](const std::string& ext) { return EndsWith(path, ext); });
  return doctest ? Mode::kDoctest : Mode::kConsole;
}

/// Whether a directory search takes the file `path`: by the extensions of
/// the mode (console, auto: .pycon; doctest: .txt, .rst, .md, and .py in a
/// package, i.e. beside an __init__.py), or by a glob of [tool.replay.modes].
bool Wanted(const std::string& path, const RunOptions& options) {
  namespace fs = std::filesystem;
  if (!options.mode_globs.empty()) {
    std::string relative = RelativeToRoot(path, options.rootdir);
    for (const ModeGlob& glob : options.mode_globs) {
      if (MatchesPathGlob(relative, glob.glob)) return true;
    }
  }
  if (options.mode != ModeChoice::kDoctest) return EndsWith(path, ".pycon");
  std::error_code error;
  if (EndsWith(path, ".py"))
    return fs::is_regular_file(fs::path(path).parent_path() / "__init__.py", error);
  return std::any_of(kDoctestExtensions.begin(), kDoctestExtensions.end(),
                     [&](const std::string& ext) { return EndsWith(path, ext); });
}

/// The files of a run, and how many there were before -k and the shard.
struct Plan {
  std::vector<PlannedFile> files;
  size_t found = 0;         ///< by discovery
  size_t matched = 0;       ///< by -k
  size_t excluded = 0;      ///< by exclude of [tool.replay]
  std::string last_failed;  ///< what --last-failed did, for the user
};

/// The shard of the run: --shard, else Bazel's TEST_SHARD_INDEX (0-based)
/// of TEST_TOTAL_SHARDS, told that replay shards by touching
/// TEST_SHARD_STATUS_FILE; none: the whole run.
Expected<std::optional<Shard>> ShardOf(const RunOptions& options) {
  std::string text = options.shard;
  const char* total = std::getenv("TEST_TOTAL_SHARDS");
  if (text.empty() && total != nullptr && *total != '\0') {
    const char* index = std::getenv("TEST_SHARD_INDEX");
    text =
        std::to_string(std::strtoul(index != nullptr ? index : "0", nullptr, 10) + 1) + "/" + total;
    const char* status = std::getenv("TEST_SHARD_STATUS_FILE");
    if (status != nullptr && *status != '\0') std::ofstream{status, std::ios::app};
  }
  if (text.empty()) return std::optional<Shard>();
  Expected<Shard> shard = ParseShard(text);
  if (!shard) return shard.error();
  return std::optional<Shard>(*shard);
}

/// The files under one path argument (`PATH:LINE`: that file's example at
/// LINE), each with its mode, less the excluded ones found by a directory
/// search; `found` counts them.
Expected<std::vector<PlannedFile>> FilesOf(const std::string& given, const RunOptions& options,
                                           Plan& plan) {
  auto [path, line] = SplitPathLine(given);
  std::error_code error;
  bool searched = std::filesystem::is_directory(path, error);
  if (line > 0 && searched) return Diagnostic{given, 0, 0, "a directory has no lines to select"};
  Expected<std::vector<std::string>> files =
      DiscoverFiles({path}, [&](const std::string& file) { return Wanted(file, options); });
  if (!files) return files.error();
  std::vector<PlannedFile> planned;
  for (std::string& file : *files) {
    std::string relative = RelativeToRoot(file, options.rootdir);
    bool excluded =
        std::any_of(options.exclude.begin(), options.exclude.end(),
                    [&](const std::string& glob) { return MatchesPathGlob(relative, glob); });
    if (searched && excluded) {
      ++plan.excluded;
      continue;
    }
    ++plan.found;
    Mode mode = ModeOf(file, relative, options);
    if (line > 0 && mode == Mode::kConsole) {
      return Diagnostic{given, 0, 0,
                        "selecting an example by line is for doctest files: a console "
                        "transcript is one session whose statements build on each other, so it "
                        "runs as a whole (name the file alone)"};
    }
    if (MatchesAny(file, options.select)) planned.push_back({std::move(file), mode, line});
  }
  return planned;
}

/// --last-failed: the files of `files` that failed last time; all of them
/// if none did (as pytest). Says which in `plan.last_failed`.
void KeepLastFailed(const RunOptions& options, std::vector<PlannedFile>& files, Plan& plan) {
  std::set<std::string> failed = ReadLastFailed(options.rootdir);
  std::vector<PlannedFile> kept;
  for (const PlannedFile& file : files) {
    if (failed.count(RelativeToRoot(file.path, options.rootdir)) > 0) kept.push_back(file);
  }
  if (kept.empty()) {
    plan.last_failed = "no file of this run failed last time: running all " +
                       Plural(static_cast<int>(files.size()), "file");
    return;
  }
  plan.last_failed = "running the " + Plural(static_cast<int>(kept.size()), "file") +
                     " that failed last time (" + std::to_string(files.size() - kept.size()) +
                     " deselected)";
  files = std::move(kept);
}

/// The files of the run, in order, each with its mode.
Expected<Plan> PlanRun(const RunOptions& options) {
  Expected<std::optional<Shard>> shard = ShardOf(options);
  if (!shard) return shard.error();
  Plan plan;
  std::vector<PlannedFile> matched;
  for (const std::string& given : options.paths) {
    Expected<std::vector<PlannedFile>> files = FilesOf(given, options, plan);
    if (!files) return files.error();
    matched.insert(matched.end(), files->begin(), files->end());
  }
  if (options.last_failed) KeepLastFailed(options, matched, plan);
  plan.matched = matched.size();
  if (!*shard) {
    plan.files = std::move(matched);
    return plan;
  }
  std::vector<std::string> paths;
  for (const PlannedFile& file : matched) paths.push_back(file.path);
  std::vector<std::string> in_shard = FilesInShard(paths, **shard);
  std::multiset<std::string> wanted(in_shard.begin(), in_shard.end());
  for (PlannedFile& file : matched) {
    auto it = wanted.find(file.path);
    if (it == wanted.end()) continue;
    wanted.erase(it);
    plan.files.push_back(std::move(file));
  }
  return plan;
}

/// The interpreter the run forks from. It preloads what the reference of
/// the run's mode imports anyway: code.py's modules and readline for console
/// transcripts (the default), doctest (and the json its driver reports
/// with) when every file is a doctest file.
pycon::SessionOptions InterpreterFor(const std::vector<PlannedFile>& files,
                                     const std::string& python) {
  pycon::SessionOptions options;
  options.executable = python;
  AdoptAsFresh(options);
  options.finalize = false;  // the process ends right after
  // Python's SIGINT handler, for the children (the runner takes SIGINT
  // itself while it runs): a SIGINT raises KeyboardInterrupt, as in python3.
  options.install_signal_handlers = true;
  bool all_doctest = !files.empty() && std::all_of(files.begin(), files.end(), [](const auto& f) {
    return f.mode == Mode::kDoctest;
  });
  if (all_doctest) {
    options.preload.insert(options.preload.end(), {"doctest", "json"});
  } else {
    // code.interact imports readline (the reference); imported before
    // forking, no child loads its shared libraries again.
    options.preload_if_present.push_back("readline");
  }
  return options;
}

/// Why a run selected no file, for its message.
std::string NothingSelected(const RunOptions& options, const Plan& plan) {
  if (plan.found > 0) return "no file matches -k " + Join(options.select, " or -k ");
  std::string searched = options.mode == ModeChoice::kDoctest ? "*.txt, *.rst, *.md" : "*.pycon";
  std::string text = "the directories given hold no " + searched + " file";
  if (plan.excluded > 0)
    text += " (" + Plural(static_cast<int>(plan.excluded), "file") + " left out by exclude of " +
            options.config_file + ")";
  if (options.mode == ModeChoice::kAuto)
    text += " (use --mode doctest to search them for *.txt, *.rst and *.md)";
  return text;
}

/// A usage error for an --option that is no doctest option flag of the
/// linked Python, suggesting the one meant; empty if all are.
std::string UnknownOptionFlag(const RunOptions& options) {
  if (options.doctest.option_flags.empty()) return {};
  std::vector<std::string> known = DoctestOptionFlagNames();
  for (const std::string& flag : options.doctest.option_flags) {
    if (std::find(known.begin(), known.end(), flag) != known.end()) continue;
    std::string text = options.option_flags_origin + " " + flag + ": not a doctest option flag";
    if (std::optional<std::string> meant = DidYouMean(flag, known))
      text += " (did you mean " + *meant + "?)";
    return text + "; known: " + Join(known, ", ");
  }
  return {};
}

/// Whether environment variable `name` is set and not empty.
bool IsSet(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

bool UseColor(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  if (IsSet("NO_COLOR")) return false;  // no-color.org: only when not empty
  if (IsSet("FORCE_COLOR")) return true;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

/// Whether writing to `target` writes to this process's standard output.
bool IsStandardOutput(const OutputTarget& target) {
  if (target.kind == OutputKind::kStandardOutput) return true;
  struct stat file {
  }, out{};
  return stat(target.path.c_str(), &file) == 0 && fstat(STDOUT_FILENO, &out) == 0 &&
         file.st_dev == out.st_dev && file.st_ino == out.st_ino;
}

/// Checks, before anything runs, that every report can be written; whether
/// one of them goes to standard output (the verdicts then go to standard
/// error, so that the report stays readable).
Expected<bool> CheckReportPaths(const RunOptions& options) {
  bool to_stdout = false;
  for (const std::string& path : {options.report_json, options.junit}) {
    if (path.empty()) continue;
    Expected<OutputTarget> target = ResolveOutput(path);
    if (!target) return target.error();
    to_stdout = to_stdout || IsStandardOutput(*target);
  }
  return to_stdout;
}

ReportOptions ReportOptionsFor(const RunOptions& options) {
  ReportOptions report;
  report.color = UseColor(options.color);
  const char* term = std::getenv("TERM");
  report.progress =
      isatty(STDERR_FILENO) != 0 && !(term != nullptr && std::string_view(term) == "dumb");
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) report.width = size.ws_col;
  report.json_path = options.report_json;
  report.junit_path = options.junit;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  report.github_annotations = options.annotations == AnnotationChoice::kGithub ||
                              (options.annotations == AnnotationChoice::kAuto &&
                               actions != nullptr && std::string_view(actions) == "true");
  return report;
}

/// The run's files as sessions for the runner, and their verdicts to the
/// reporter as they end.
class TranscriptQueue : public SessionQueue {
 public:
  TranscriptQueue(const std::vector<PlannedFile>& files, const RunOptions& options,
                  RunReporter& reporter)
      : files_(files), options_(options), reporter_(reporter) {}

  size_t size() const override { return files_.size(); }

  std::optional<Session> Prepare(size_t index) override {
    const PlannedFile& file = files_[index];
    if (options_.exit_first && reporter_.failures() > 0) {
      ++not_started_;
      return std::nullopt;
    }
    if (std::optional<std::string> other = VersionFileMismatch(file.path, pycon::PythonVersion()))
      return Report(index, Status::kSkipped, Diagnostic{file.path, 0, 0, *other});
    Expected<TranscriptText> text = ReadTranscript(file.path);
    if (!text) return Report(index, Status::kError, text.error());
    if (std::optional<Diagnostic> unmet =
            UnmetRequirement(text->text, file.path, pycon::PythonVersion())) {
      return Report(index, Status::kSkipped, *unmet);
    }
    Expected<SetupFile> setup = SetupFor(file.path);
    if (!setup) return Report(index, Status::kError, setup.error());
    const TranscriptText& kept = expected_[index] = std::move(*text);
    if (file.mode == Mode::kDoctest) {
      notes_[index] = NotTestedNotes(file.path, kept.text);
      DoctestOptions doctest = options_.doctest;
      doctest.setup = std::move(*setup);
      doctest.line = file.line;
      return DoctestSession(file.path, kept, std::move(doctest));
    }
    return ConsoleTranscriptSession(file.path, kept.text, std::move(*setup), options_.placeholders,
                                    options_.console);
  }

  void Finish(size_t index, SessionOutcome outcome) override {
    const PlannedFile& file = files_[index];
    const TranscriptText& expected = expected_[index];
    TranscriptVerdict verdict =
        file.mode == Mode::kDoctest
            ? JudgeDoctest(file.path, outcome, options_.isolation, options_.prompts)
            : JudgeConsole(file.path, expected.text, outcome, options_.isolation);
    if ((options_.update || options_.update_version) && verdict.status == Status::kFailed)
      Update(expected, outcome, verdict);
    verdict.notes = std::move(notes_[index]);
    expected_.erase(index);
    notes_.erase(index);
    Add(index, std::move(verdict));
  }

  void Progress(const RunProgress& progress) override { reporter_.Progress(progress); }

  /// Files -x did not start.
  size_t not_started() const { return not_started_; }

  /// Each file that got a verdict (relative to the rootdir), and whether it
  /// failed or errored: for --last-failed.
  const std::map<std::string, bool>& ran() const { return ran_; }

 private:
  /// Reports file `index`'s verdict, and records it for --last-failed: a
  /// file run whole is recorded as failed or not; a file of which one
  /// example ran (FILE:LINE) only if it failed, as its other examples did
  /// not run.
  void Add(size_t index, TranscriptVerdict verdict) {
    bool failed = verdict.status == Status::kFailed || verdict.status == Status::kError;
    if (failed || files_[index].line == 0)
      ran_[RelativeToRoot(verdict.path, options_.rootdir)] = failed;
    reporter_.Add(index, std::move(verdict));
  }

  /// File `index` judged without running it: nothing to run.
  std::nullopt_t Report(size_t index, Status status, const Diagnostic& why) {
    TranscriptVerdict verdict;
    verdict.path = files_[index].path;
    verdict.mode = files_[index].mode;
    verdict.status = status;
    verdict.line = why.line;
    verdict.message = why.ToString();
    Add(index, std::move(verdict));
    return std::nullopt;
  }

  /// The setup file of the file `path`: --setup, else the nearest
  /// replay_setup.py at or above its directory; none: an empty path.
  Expected<SetupFile> SetupFor(const std::string& path) const {
    std::optional<std::string> setup_path =
        options_.setup.empty() ? FindUpwards(path, kSetupFileName) : options_.setup;
    if (!setup_path) return SetupFile{};
    Expected<std::string> source = ReadFile(*setup_path);
    if (!source) return source.error();
    return SetupFile{*setup_path, std::move(*source)};
  }

  static Expected<TranscriptText> ReadTranscript(const std::string& path) {
    Expected<std::string> bytes = ReadFile(path);
    if (!bytes) return bytes.error();
    return DecodeTranscript(*bytes, path);
  }

  /// --update: console mode writes the whole session as shown, doctest mode
  /// the expected output of each failing example.
  void Update(const TranscriptText& expected, const SessionOutcome& outcome,
              TranscriptVerdict& verdict) const {
    if (EndsWith(verdict.path, ".py")) {
      verdict.not_updated = "--update does not rewrite the docstrings of Python modules";
      return;
    }
    std::optional<std::string> text;
    if (verdict.mode == Mode::kConsole) {
      text = ComparableActual(expected.text, outcome);
    } else if (Expected<DoctestResult> result = DoctestResult::FromJson(outcome.result, "")) {
      text = UpdatedDoctestText(expected.text, *result);
    }
    if (!text) return;
    // Someone (an editor, another replay) may have changed the file since
    // it was read: their edit wins.
    Expected<std::string> now = ReadFile(verdict.path);
    if (now && *now != EncodeTranscript(expected)) {
      verdict.not_updated = "changed during the run";
      return;
    }
    TranscriptText updated = expected;
    updated.text = std::move(*text);
    std::string target = options_.update_version
                             ? VersionFileFor(verdict.path, pycon::PythonVersion())
                             : verdict.path;
    if (target != verdict.path) verdict.updated_path = target;
    if (Expected<void> written = WriteFileAtomically(target, EncodeTranscript(updated))) {
      verdict.updated = true;
    } else {
      verdict.not_updated = written.error().message;
      verdict.update_unwritable = true;
    }
  }

  const std::vector<PlannedFile>& files_;
  const RunOptions& options_;
  RunReporter& reporter_;
  std::map<size_t, TranscriptText> expected_;         ///< of the files running
  std::map<size_t, std::vector<std::string>> notes_;  ///< of the files running: lines not run
  size_t not_started_ = 0;
  std::map<std::string, bool> ran_;
};

/// The options of the run: the command line completed by [tool.replay];
/// none (the usage error printed) if the configuration is wrong or there is
/// no path to run.
std::optional<RunOptions> Configure(const RunOptions& given) {
  Expected<RunOptions> options = ApplyProjectConfig(given);
  if (!options) {
    std::cerr << "replay: " << options.error().ToString() << "\n";
    return std::nullopt;
  }
  if (options->paths.empty()) {
    std::cerr << "replay run: no path given, and "
              << (options->config_file.empty()
                      ? "no pyproject.toml with [tool.replay] found"
                      : "no paths in [tool.replay] of " + options->config_file)
              << "\n";
    return std::nullopt;
  }
  // Bazel's test runner names the JUnit file it collects.
  if (options->junit.empty() && IsSet("XML_OUTPUT_FILE"))
    options->junit = std::getenv("XML_OUTPUT_FILE");
  return std::move(*options);
}

}  // namespace

int RunCommand(const RunOptions& given) {
  auto started = std::chrono::steady_clock::now();
  std::optional<RunOptions> configured = Configure(given);
  if (!configured) return 2;
  RunOptions options = std::move(*configured);
  Expected<Plan> plan = PlanRun(options);
  if (!plan) {
    std::cerr << "replay: " << plan.error().ToString() << "\n";
    return 2;
  }
  const std::vector<PlannedFile>* files = &plan->files;
  if (!plan->last_failed.empty())
    std::cerr << "replay: --last-failed: " << plan->last_failed << "\n";
  Expected<bool> report_to_stdout = CheckReportPaths(options);
  if (!report_to_stdout) {
    std::cerr << "replay: " << report_to_stdout.error().ToString() << "\n";
    return 2;
  }
  pycon::PythonSession python(InterpreterFor(*files, options.python));
  if (std::string unknown = UnknownOptionFlag(options); !unknown.empty()) {
    std::cerr << "replay run: " << unknown << "\n";
    return 2;
  }
  std::ostream& text = *report_to_stdout ? std::cerr : std::cout;
  if (options.verbose) {
    text << "replay: " << DescribeRunningPython() << std::endl;
    text << "replay: rootdir " << options.rootdir << ", configuration "
         << (options.config_file.empty() ? "none" : options.config_file) << std::endl;
  }
  RunReporter reporter(ReportOptionsFor(options), text, std::cerr);
  TranscriptQueue queue(*files, options, reporter);
  InterruptSignals interrupt;
  RunEnd end = RunIsolated(queue, options.isolation, interrupt.fd(), pycon::PythonSession::Fork);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  int status = reporter.Finish(end == RunEnd::kInterrupted, elapsed.count());
  if (Expected<void> cached = WriteLastFailed(options.rootdir, queue.ran()); !cached)
    std::cerr << "replay: cannot record the failures for --last-failed: "
              << cached.error().ToString() << "\n";
  if (queue.not_started() > 0) {
    std::cerr << "replay: stopped after the first failure (-x): "
              << Plural(static_cast<int>(queue.not_started()), "file") << " not run\n";
  }
  if (status != 0 || !files->empty()) return status;
  if (plan->matched > 0) return 0;  // a shard may hold no file of a run that has some
  std::cerr << "replay: no file selected: " << NothingSelected(options, *plan) << "\n";
  return kExitNothingSelected;
}

}  // namespace replay
