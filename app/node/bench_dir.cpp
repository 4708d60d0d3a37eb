#include "app/node/bench_dir.h"

#include "core/common/bytes.h"
#include "core/crypto/sodium.h"

#include <system_error>

namespace gtx::app {

ScopedDir::~ScopedDir()
{
    std::error_code ec;
    if (!path.empty())
        std::filesystem::remove_all(path, ec);
}

Result<ScopedDir> makeBenchDir(const std::string &base, const std::string &name)
{
    std::error_code ec;
    std::filesystem::path root = base.empty() ? std::filesystem::temp_directory_path(ec) : std::filesystem::path(base);
    if (ec)
        return makeError("bench.io", "no temporary directory: " + ec.message());
    Bytes r(8);
    crypto::randomBytes(r);
    ScopedDir d(root / ("gtx-bench-" + name + "-" + toHex(r)));
    if (!std::filesystem::create_directories(d.path, ec))
        return makeError("bench.io", "cannot create " + d.path.string() + ": " + ec.message());
    return Result<ScopedDir>(std::move(d));
}

} // namespace gtx::app
