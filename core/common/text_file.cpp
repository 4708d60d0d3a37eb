#include "core/common/text_file.h"

#include <fstream>
#include <system_error>

namespace gtx {

Result<std::string> readTextFile(const std::filesystem::path &path, std::size_t maxBytes)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec)
        return makeError("file.unreadable", path.string() + ": " + ec.message());
    if (!std::filesystem::is_regular_file(status))
        return makeError("file.unreadable", path.string() + " is not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError("file.unreadable", path.string() + " could not be opened");
    std::string text;
    text.resize(maxBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return makeError("file.unreadable", path.string() + " could not be read");
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > maxBytes)
        return makeError("file.too_large", path.string() + " is larger than "
                             + std::to_string(maxBytes / 1024) + " KiB");
    text.resize(got);
    return text;
}

} // namespace gtx
