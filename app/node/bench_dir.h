#pragma once

// A benchmark's scratch directory, removed with everything in it when the
// last owner goes.

#include "core/common/result.h"

#include <filesystem>
#include <string>

namespace gtx::app {

struct ScopedDir
{
    std::filesystem::path path;
    explicit ScopedDir(std::filesystem::path p) : path(std::move(p)) {}
    ScopedDir(ScopedDir &&other) noexcept : path(std::move(other.path)) { other.path.clear(); }
    ScopedDir(const ScopedDir &) = delete;
    ScopedDir &operator=(const ScopedDir &) = delete;
    ScopedDir &operator=(ScopedDir &&) = delete;
    ~ScopedDir();
};

// A new directory "gtx-bench-NAME-RANDOM" under `base` (empty: the system's
// temporary directory). Error: "bench.io".
Result<ScopedDir> makeBenchDir(const std::string &base, const std::string &name);

} // namespace gtx::app
