#include "replay/doctest/docstring.h"

#include <algorithm>
#include <cctype>

namespace replay {

namespace {

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

/// Whether `prefix` is one Python puts before a string literal's quotes.
bool IsStringPrefix(std::string_view prefix) {
  static const char* const kPrefixes[] = {"r",  "u",  "b",  "f",  "t", "br",
                                          "rb", "fr", "rf", "tr", "rt"};
  std::string lower = Lower(prefix);
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&lower](const char* known) { return lower == known; });
}

/// `line` with its tabs expanded to columns of 8, as doctest reads it.
std::string ExpandTabs(std::string_view line) {
  std::string expanded;
  for (char c : line) {
    if (c == '\t') {
      expanded.append(8 - expanded.size() % 8, ' ');
    } else {
      expanded += c;
    }
  }
  return expanded;
}

/// The lines of `text` (universal newlines), without their ends.
std::vector<std::string_view> SourceLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.find_first_of("\r\n", start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return lines;
}

/// Whether `quote` stands in `line` where it would end a literal: not
/// after a backslash that escapes it (which a raw literal keeps too).
bool ClosesLiteral(std::string_view line, std::string_view quote) {
  for (size_t k = 0; k < line.size(); ++k) {
    if (line[k] == '\\') {
      ++k;
    } else if (line.compare(k, quote.size(), quote) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<StringLiteral> LiteralAt(std::string_view source, size_t offset) {
  size_t at = 0;
  while (at < source.size() && at <= offset) {
    char c = source[at];
    if (c == '#') {
      at = source.find_first_of("\r\n", at);
      if (at == std::string_view::npos) break;
      continue;
    }
    if (c != '\'' && c != '"') {
      ++at;
      continue;
    }
    StringLiteral literal;
    literal.begin = at;
    while (literal.begin > 0 && IsWordByte(source[literal.begin - 1])) --literal.begin;
    literal.prefix = std::string(source.substr(literal.begin, at - literal.begin));
    if (!IsStringPrefix(literal.prefix)) {
      literal.prefix.clear();
      literal.begin = at;
    }
    literal.quote = std::string(source.compare(at, 3, std::string(3, c)) == 0 ? 3 : 1, c);
    literal.body = at + literal.quote.size();
    literal.body_end = source.size();
    // A backslash keeps the character after it in the literal, raw or not.
    for (size_t k = literal.body; k < source.size(); ++k) {
      if (source[k] == '\\') {
        ++k;
      } else if (literal.quote.size() == 1 && (source[k] == '\n' || source[k] == '\r')) {
        literal.body_end = k;  // unterminated
        break;
      } else if (source.compare(k, literal.quote.size(), literal.quote) == 0) {
        literal.body_end = k;
        break;
      }
    }
    if (offset < literal.body) return std::nullopt;
    if (offset < literal.body_end) return literal;
    at = literal.body_end + (literal.body_end < source.size() && source[literal.body_end] == c
                                 ? literal.quote.size()
                                 : 0);
  }
  return std::nullopt;
}

std::string DocstringRewriteRefusal(std::string_view source, const DocstringOutput& output,
                                    const std::vector<std::string>& lines) {
  std::optional<StringLiteral> literal = LiteralAt(source, output.example);
  if (!literal) return "the example is not in a string literal of the module as written";
  size_t line_start = source.find_last_of("\r\n", output.example);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (line_start < literal->body)
    return "the example shares its line with the docstring's opening quotes";
  std::string prefix = Lower(literal->prefix);
  if (prefix.find_first_of("ft") != std::string::npos)
    return "an f-string: its text is computed when the module runs";
  if (prefix.find('b') != std::string::npos) return "a bytes literal, not a docstring";
  if (literal->quote.size() != 3)
    return "the docstring is not triple-quoted: it cannot take new lines";
  if (output.end > literal->body_end)
    return "the expected output shares its line with the docstring's closing quotes";
  // The lines must read as doctest read them: in a docstring that is not raw,
  // escapes and continued lines make the text differ from the lines.
  size_t indent = ExpandTabs(source.substr(line_start, output.example - line_start)).size();
  std::string read;
  for (std::string_view line :
       SourceLines(source.substr(output.begin, output.end - output.begin))) {
    std::string expanded = ExpandTabs(line);
    read += expanded.substr(std::min(indent, expanded.size())) + "\n";
  }
  if (read != output.want)
    return "the expected output is not written as doctest reads it (escapes or continued lines)";
  bool raw = prefix.find('r') != std::string::npos;
  for (const std::string& line : lines) {
    if (line.find('\0') != std::string::npos)
      return "the new output holds a null byte, which Python source cannot hold";
    if (line.find('\r') != std::string::npos)
      return "the new output holds a carriage return, which Python source reads as a line end";
    if (!raw && line.find('\\') != std::string::npos)
      return "the new output holds a backslash and the docstring is not raw: Python would read "
             "it as an escape (make it a raw docstring, r" +
             literal->quote + ")";
    if (ClosesLiteral(line, literal->quote))
      return "the new output holds the docstring's closing quotes (" + literal->quote + ")";
  }
  return {};
}

}  // namespace replay
