// [tool.replay] of a pyproject.toml, read with toml++ and applied through
// the option table.
#include "replay/config/project_config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace {

/// `text` parsed and applied to default options, the rootdir `rootdir`.
replay::Expected<replay::RunOptions> Applied(const std::string& text,
                                             const std::string& rootdir = ".") {
  auto config = replay::ParseProjectConfig(text, "pyproject.toml");
  if (!config) return config.error();
  REQUIRE(*config);
  (*config)->rootdir = rootdir;
  replay::RunOptions options;
  if (auto applied = replay::ApplyProjectConfig(**config, options); !applied)
    return applied.error();
  return options;
}

std::string ErrorOf(const std::string& text) {
  auto options = Applied(text);
  REQUIRE_FALSE(options);
  return options.error().ToString();
}

}  // namespace

TEST_CASE("project config: every key, with its value") {
  replay_test::TempDir dir("project_config");
  std::filesystem::create_directories(dir.path / "docs" / "tests");
  std::ofstream(dir.path / "README.md") << "";
  std::ofstream(dir.path / "docs" / "tests" / "setup.py") << "";
  auto options = Applied(R"([project]
name = "x"

[tool.replay]
paths = ["docs", "README.md"]
exclude = ["_build/", "CHANGELOG.md"]
mode = "doctest"
doctest-options = ["ELLIPSIS", "NORMALIZE_WHITESPACE"]
prompts = "warn"
timeout = 12.5
jobs = 3
max-output = "4M"
max-memory = 0
ellipsis = true
setup = "docs/tests/setup.py"
console = "python"
color = "never"
annotations = "none"

[tool.replay.modes]
"*.txt" = "doctest"
"examples/*.txt" = "console"
)",
                         dir.path.string());
  REQUIRE(options);
  const replay::RunOptions& o = *options;
  REQUIRE(o.paths.size() == 2);
  CHECK(std::filesystem::equivalent(o.paths[0].path, dir.path / "docs"));
  CHECK(std::filesystem::equivalent(o.paths[1].path, dir.path / "README.md"));
  CHECK(o.exclude == std::vector<std::string>{"_build/", "CHANGELOG.md"});
  CHECK(o.mode == "doctest");
  CHECK(o.option_flags == std::vector<std::string>{"ELLIPSIS", "NORMALIZE_WHITESPACE"});
  CHECK(o.option_flags_origin == "pyproject.toml:8: [tool.replay] doctest-options");
  CHECK(o.prompts == replay::PromptPolicy::kWarn);
  CHECK(o.isolation.timeout_s == 12.5);
  CHECK(o.isolation.jobs == 3);
  CHECK(o.isolation.max_output == 4u * 1024 * 1024);
  CHECK(o.isolation.max_memory == 0u);
  CHECK(o.placeholders.ellipsis);
  CHECK(std::filesystem::equivalent(o.setup, dir.path / "docs/tests/setup.py"));
  CHECK(o.console == replay::ConsoleReference::kPython);
  CHECK(o.color == replay::ColorChoice::kNever);
  CHECK(o.annotations == replay::AnnotationChoice::kNone);
  // mode is applied before modes, whatever the order in the file: both hold.
  REQUIRE(o.mode_globs.size() == 2);
  CHECK(o.mode_globs[0].glob == "examples/*.txt");  // the most specific first
  CHECK(o.mode_globs[0].mode == "console");
}

TEST_CASE("project config: no [tool.replay], or an empty one") {
  auto config = replay::ParseProjectConfig("[project]\nname = 'x'\n", "pyproject.toml");
  REQUIRE(config);
  CHECK_FALSE(*config);
  auto empty = Applied("[tool.replay]\n");
  REQUIRE(empty);
  CHECK(empty->isolation.timeout_s == replay::RunOptions().isolation.timeout_s);
}

TEST_CASE("project config: mistakes name the file, line and column, and what was wrong") {
  CHECK(ErrorOf("[tool.replay]\ntimout = 3\n") ==
        "pyproject.toml:2:1: [tool.replay]: unknown key 'timout' (did you mean 'timeout'?); "
        "known keys: annotations, color, console, doctest-options, ellipsis, exclude, jobs, "
        "max-memory, max-output, mode, modes, norecursedirs, paths, prompts, sandbox, setup, "
        "timeout");
  CHECK(ErrorOf("[tool.replay]\n\ntimeout = 0\n") ==
        "pyproject.toml:3:11: [tool.replay] timeout: expected a number of seconds more than 0, "
        "not '0' (a file always has a time limit; give a large one instead)");
  CHECK(ErrorOf("[tool.replay]\nmode = \"doctset\"\n") ==
        "pyproject.toml:2:8: [tool.replay] mode: 'doctset' is not one of 'auto', 'console', "
        "'doctest' (did you mean 'doctest'?)");
  CHECK(ErrorOf("[tool.replay]\npaths = \"docs\"\n") ==
        "pyproject.toml:2:9: [tool.replay] paths: expected an array of strings");
  CHECK(ErrorOf("[tool.replay]\nexclude = [1]\n") ==
        "pyproject.toml:2:11: [tool.replay] exclude: expected an array of strings");
  CHECK(ErrorOf("[tool.replay]\nellipsis = \"yes\"\n") ==
        "pyproject.toml:2:12: [tool.replay] ellipsis: expected true or false");
  CHECK(ErrorOf("[tool.replay]\njobs = -1\n").find("jobs: expected a number of jobs") !=
        std::string::npos);
  CHECK(ErrorOf("[tool.replay]\nmax-output = \"12Q\"\n").find("expected a number of bytes") !=
        std::string::npos);
  CHECK(ErrorOf("[tool.replay.modes]\n\"*.md\" = \"markdown\"\n") ==
        "pyproject.toml:2:10: [tool.replay] modes: \"*.md\": 'markdown' is not one of "
        "'console', 'doctest'");
  CHECK(ErrorOf("[tool.replay]\nsetup = \"nothere.py\"\n") ==
        "pyproject.toml:2:9: [tool.replay] setup: no such file: nothere.py");
  CHECK(ErrorOf("[tool.replay]\npaths = [\"nothere\"]\n") ==
        "pyproject.toml:2:10: [tool.replay] paths: nothere: no such file or directory");
  CHECK(ErrorOf("[tool]\nreplay = 3\n") ==
        "pyproject.toml:2:10: tool.replay: expected a table ([tool.replay])");
  // TOML that does not parse: toml++'s message, where it stopped.
  CHECK(ErrorOf("[tool.replay\n").rfind("pyproject.toml:1:13: not valid TOML: ", 0) == 0);
  CHECK(ErrorOf("[tool.replay]\ntimeout = 3\ntimeout = 4\n").rfind("pyproject.toml:3:", 0) == 0);
}
