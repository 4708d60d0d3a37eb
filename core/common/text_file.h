#pragma once

// Reading a small text file (configuration, network, scenario, grid model):
// files are untrusted input, so the read is bounded and only a regular file
// is read (a FIFO or a device is refused, never waited on).

#include "core/common/result.h"

#include <cstddef>
#include <filesystem>
#include <string>

namespace gtx {

// The whole file, at most maxBytes. Errors: "file.unreadable" (missing, not a
// regular file, or a read error; the message names the file and the cause)
// and "file.too_large".
Result<std::string> readTextFile(const std::filesystem::path &path, std::size_t maxBytes);

} // namespace gtx
