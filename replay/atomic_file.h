// Writing files so that readers see either the old or the new content.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace replay {

/// Writes `content` to a temporary file in the same directory as `path`,
/// then renames it over `path`; keeps the permissions of an existing file.
/// Returns an empty string, or what went wrong.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

/// The same, with the content produced piece by piece: `produce` calls the
/// writer it is given with each piece (which returns false on failure) and
/// returns false if anything failed.
std::string WriteFileAtomically(
    const std::string& path,
    const std::function<bool(const std::function<bool(std::string_view)>&)>& produce);

/// Reads a whole file; returns false and sets `error` if it cannot.
bool ReadFile(const std::string& path, std::string& content, std::string& error);

}  // namespace replay
