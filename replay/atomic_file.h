// Writing files so that readers see either the old or the new content.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// Writes `content` to a temporary file in the same directory as `path`,
/// then renames it over `path`; keeps the permissions of an existing file.
/// Returns an empty string, or what went wrong.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

/// Reads a whole file; returns false and sets `error` if it cannot.
bool ReadFile(const std::string& path, std::string& content, std::string& error);

}  // namespace replay
