#include "replay/commands/run_config.h"

#include <cstdlib>

#include "replay/config/pytest_config.h"
#include "replay/config/rootdir.h"

namespace replay {

Expected<RunOptions> ConfigureRun(const std::vector<OptionAssignment>& command_line) {
  // The command line first alone: its paths and --config find the
  // configuration, and its mistakes are reported before the file's.
  RunOptions given;
  if (std::optional<std::string> wrong = ApplyCommandLine(command_line, given))
    return Diagnostic{"", 0, 0, *wrong};
  std::vector<std::string> paths;
  for (const PathArgument& path : given.paths) paths.push_back(path.path);
  Expected<ProjectConfig> config = FindProjectConfig(paths, given.config);
  if (!config) return config.error();
  RunOptions options;
  options.rootdir = config->rootdir;
  options.config_file = config->file;
  // pytest's doctest_optionflags, where pytest's configuration sets them:
  // below [tool.replay]'s doctest-options and --option, which replace them.
  Expected<PytestOptionFlags> pytest = FindPytestOptionFlags(paths);
  if (!pytest) return pytest.error();
  options.pytest_config_file = pytest->file;
  if (!pytest->origin.empty()) {
    options.option_flags = pytest->flags;
    options.option_flags_origin = pytest->origin;
  }
  if (Expected<void> applied = ApplyProjectConfig(*config, options); !applied)
    return applied.error();
  if (std::optional<std::string> wrong = ApplyCommandLine(command_line, options))
    return Diagnostic{"", 0, 0, *wrong};
  if (options.paths.empty()) {
    return Diagnostic{
        "", 0, 0,
        "no path given, and " + (options.config_file.empty()
                                     ? std::string("no pyproject.toml with "
                                                   "[tool.replay] found")
                                     : "no paths in [tool.replay] of " + options.config_file)};
  }
  // Bazel's test runner names the JUnit file it collects.
  const char* bazel_junit = std::getenv("XML_OUTPUT_FILE");
  if (options.junit.empty() && bazel_junit != nullptr) options.junit = bazel_junit;
  return options;
}

}  // namespace replay
