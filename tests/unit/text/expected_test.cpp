#include "replay/text/expected.h"

#include <catch2/catch.hpp>
#include <string>
#include <type_traits>
#include <vector>

using replay::Diagnostic;
using replay::Expected;

namespace {

Expected<int> Half(int n) {
  if (n % 2 != 0) return Diagnostic{"numbers", 3, 7, std::to_string(n) + " is odd"};
  return n / 2;
}

Expected<void> CheckEven(int n) {
  if (n % 2 != 0) return Diagnostic{"numbers", 0, 0, "odd"};
  return {};
}

}  // namespace

TEST_CASE("an Expected made from a value holds it") {
  Expected<int> half = Half(8);
  REQUIRE(half.ok());
  REQUIRE(static_cast<bool>(half));
  CHECK(*half == 4);
  *half = 5;
  CHECK(*half == 5);
  const Expected<std::string> text = std::string("abc");
  REQUIRE(text);
  CHECK(*text == "abc");
  CHECK(text->size() == 3);
  Expected<std::vector<int>> list = std::vector<int>{1, 2};
  list->push_back(3);
  CHECK(list->size() == 3);
}

TEST_CASE("an Expected made from a Diagnostic holds no value and says why") {
  Expected<int> half = Half(7);
  REQUIRE_FALSE(half.ok());
  REQUIRE_FALSE(half);
  CHECK(half.error().file == "numbers");
  CHECK(half.error().line == 3);
  CHECK(half.error().column == 7);
  CHECK(half.error().message == "7 is odd");
  CHECK(half.error().ToString() == "numbers:3:7: 7 is odd");
}

TEST_CASE("Expected<void> is done by default, or a Diagnostic") {
  Expected<void> done = CheckEven(2);
  CHECK(done.ok());
  CHECK(static_cast<bool>(done));
  Expected<void> failed = CheckEven(3);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().ToString() == "numbers: odd");
  CHECK(Expected<void>().ok());
}

TEST_CASE("a Diagnostic leaves out the line and column it does not know") {
  CHECK(Diagnostic{"f.pycon", 0, 0, "bad"}.ToString() == "f.pycon: bad");
  CHECK(Diagnostic{"f.pycon", 4, 0, "bad"}.ToString() == "f.pycon:4: bad");
  CHECK(Diagnostic{"f.pycon", 4, 2, "bad"}.ToString() == "f.pycon:4:2: bad");
  // A column without a line says nothing on its own.
  CHECK(Diagnostic{"f.pycon", 0, 2, "bad"}.ToString() == "f.pycon: bad");
}

TEST_CASE("an Expected converts to bool only explicitly") {
  CHECK_FALSE((std::is_convertible<Expected<int>, bool>::value));
  CHECK((std::is_constructible<bool, Expected<int>>::value));
}
