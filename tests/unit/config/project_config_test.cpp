// [tool.replay] of a pyproject.toml, read with toml++.
#include "replay/config/project_config.h"

#include <catch2/catch.hpp>

using replay::ParseProjectConfig;

TEST_CASE("project config: every key, with its value") {
  auto config = ParseProjectConfig(R"([project]
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
setup = "tests/setup.py"

[tool.replay.modes]
"*.txt" = "doctest"
"examples/*.txt" = "console"
)",
                                   "pyproject.toml");
  REQUIRE(config);
  REQUIRE(*config);
  const replay::ProjectConfig& c = **config;
  CHECK(c.file == "pyproject.toml");
  CHECK(*c.paths == std::vector<std::string>{"docs", "README.md"});
  CHECK(c.exclude == std::vector<std::string>{"_build/", "CHANGELOG.md"});
  CHECK(*c.mode == "doctest");
  CHECK(*c.doctest_options == std::vector<std::string>{"ELLIPSIS", "NORMALIZE_WHITESPACE"});
  CHECK(*c.prompts == "warn");
  CHECK(*c.timeout == 12.5);
  CHECK(*c.jobs == 3);
  CHECK(*c.max_output == 4u * 1024 * 1024);
  CHECK(*c.max_memory == 0u);
  CHECK(*c.ellipsis);
  CHECK(*c.setup == "tests/setup.py");
  REQUIRE(c.modes.size() == 2);
  CHECK(c.modes[0].glob == "examples/*.txt");  // the most specific first
  CHECK(c.modes[0].mode == "console");
  CHECK(c.lines.at("timeout") == 10);
}

TEST_CASE("project config: a pyproject.toml without [tool.replay] is no configuration") {
  auto config = ParseProjectConfig("[tool.pytest.ini_options]\naddopts = \"-q\"\n", "p.toml");
  REQUIRE(config);
  CHECK_FALSE(*config);
  auto empty = ParseProjectConfig("[tool.replay]\n", "p.toml");
  REQUIRE(empty);
  REQUIRE(*empty);
  CHECK_FALSE((*empty)->timeout);
}

namespace {

std::string ErrorOf(const std::string& text) {
  auto config = ParseProjectConfig(text, "pyproject.toml");
  REQUIRE_FALSE(config);
  return config.error().ToString();
}

}  // namespace

TEST_CASE("project config: mistakes name the file, line and column, and what was wrong") {
  CHECK(ErrorOf("[tool.replay]\ntimout = 3\n") ==
        "pyproject.toml:2:1: [tool.replay]: unknown key 'timout' (did you mean 'timeout'?); "
        "known keys: doctest-options, ellipsis, exclude, jobs, max-memory, max-output, mode, "
        "modes, paths, prompts, setup, timeout");
  CHECK(ErrorOf("[tool.replay]\n\ntimeout = 0\n") ==
        "pyproject.toml:3:11: [tool.replay] timeout: expected a number of seconds more than 0");
  CHECK(ErrorOf("[tool.replay]\nmode = \"doctset\"\n") ==
        "pyproject.toml:2:8: [tool.replay] mode: 'doctset' is not one of 'auto', 'console', "
        "'doctest' (did you mean 'doctest'?)");
  CHECK(ErrorOf("[tool.replay]\npaths = \"docs\"\n") ==
        "pyproject.toml:2:9: [tool.replay] paths: expected an array of strings");
  CHECK(ErrorOf("[tool.replay]\nexclude = [1]\n") ==
        "pyproject.toml:2:11: [tool.replay] exclude: expected an array of strings");
  CHECK(ErrorOf("[tool.replay]\nellipsis = \"yes\"\n").find("expected true or false") !=
        std::string::npos);
  CHECK(ErrorOf("[tool.replay]\njobs = -1\n").find("jobs: expected a number of jobs") !=
        std::string::npos);
  CHECK(ErrorOf("[tool.replay]\nmax-output = \"12Q\"\n").find("expected a number of bytes") !=
        std::string::npos);
  CHECK(ErrorOf("[tool.replay.modes]\n\"*.md\" = \"markdown\"\n") ==
        "pyproject.toml:2:10: [tool.replay] modes: \"*.md\": 'markdown' is not one of "
        "'console', 'doctest'");
  CHECK(ErrorOf("[tool]\nreplay = 3\n") ==
        "pyproject.toml:2:10: tool.replay: expected a table ([tool.replay])");
  // TOML that does not parse: toml++'s message, where it stopped.
  CHECK(ErrorOf("[tool.replay\n").rfind("pyproject.toml:1:13: not valid TOML: ", 0) == 0);
  CHECK(ErrorOf("[tool.replay]\ntimeout = 3\ntimeout = 4\n").rfind("pyproject.toml:3:", 0) == 0);
}

TEST_CASE("project config: byte counts as --max-output takes them") {
  using replay::ParseByteCount;
  CHECK(ParseByteCount("10") == std::optional<size_t>(10));
  CHECK(ParseByteCount("2K") == std::optional<size_t>(2048));
  CHECK(ParseByteCount("16mb") == std::optional<size_t>(16u << 20));
  CHECK(ParseByteCount("1G") == std::optional<size_t>(size_t{1} << 30));
  CHECK_FALSE(ParseByteCount(""));
  CHECK_FALSE(ParseByteCount("K"));
  CHECK_FALSE(ParseByteCount("3 apples"));
}
