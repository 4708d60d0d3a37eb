#pragma once

// A small JSON writer for the command line's one-object-per-line output
// (gtx-node scenario, query, tx, status): strings escaped, fields in the
// order they are added. Nothing here parses JSON.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gtx {

inline std::string jsonString(std::string_view s)
{
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

// A JSON object built field by field, in order.
class Json
{
public:
    Json &str(std::string_view key, std::string_view value) { return raw(key, jsonString(value)); }
    Json &num(std::string_view key, std::uint64_t value) { return raw(key, std::to_string(value)); }
    Json &boolean(std::string_view key, bool value) { return raw(key, value ? "true" : "false"); }
    Json &raw(std::string_view key, const std::string &value)
    {
        m_out += (m_out.empty() ? "{" : ",") + jsonString(key) + ":" + value;
        m_fields.emplace_back(std::string(key), value);
        return *this;
    }
    std::string done() const { return m_out.empty() ? "{}" : m_out + "}"; }
    // The rendered value of a field ("" when absent), strings without their quotes.
    std::string field(const std::string &key) const
    {
        for (const auto &[k, v] : m_fields)
            if (k == key)
                return v.size() >= 2 && v.front() == '"' ? v.substr(1, v.size() - 2) : v;
        return {};
    }

private:
    std::string m_out;
    std::vector<std::pair<std::string, std::string>> m_fields;
};

// A JSON array of already rendered values.
inline std::string jsonArray(const std::vector<std::string> &values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? "," : "") + values[i];
    return out + "]";
}

} // namespace gtx
