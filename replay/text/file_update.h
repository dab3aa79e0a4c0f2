// --update's writes: a file rewritten keeps what it is (owner, group, mode,
// hard links, inode where it must), and a file that was deleted, replaced or
// made read-only is left alone.
#pragma once

#include <string>
#include <string_view>

#include "replay/text/expected.h"
#include "replay/text/files.h"

namespace replay {

/// Why --update must leave file `path`, read as `read`, as it is (empty: it
/// may write it): deleted or replaced by another file since it was read
/// (never recreated), or unwritable (see UnwritableReason).
std::string UpdateRefusal(const std::string& path, const FileIdentity& read);

/// Why an existing file `path` must not be rewritten (empty: it may be, or
/// it does not exist): read-only (no write permission bit at all, e.g. 0444:
/// refused even to root, who could write it), or not writable by this user.
std::string UnwritableReason(const std::string& path);

/// Writes `content` over regular file `path` (a symbolic link: the file it
/// names), keeping its owner, group, mode and hard links. Atomically (a
/// temporary beside it given its owner, group and mode, renamed over it)
/// when that keeps them all; else in place, not atomically (readers may see
/// a mix while it is written), once the content is known to fit (the file
/// size limit, the disk space reserved): when the file has several hard
/// links (a new file would leave the others behind), or an owner or group
/// this user cannot give a new file (not root). A path naming no file yet,
/// a device or a FIFO is written as WriteFileAtomically writes it. Returns
/// why it wrote in place, or empty if it replaced the file.
Expected<std::string> UpdateFile(const std::string& path, std::string_view content);

}  // namespace replay
