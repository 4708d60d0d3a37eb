#pragma once

// A passphrase on its way from a line edit to the node: UTF-8 bytes that are
// overwritten when no longer needed. The QString copies inside Qt (the line
// edit's text, its undo history, the input method) are out of our reach:
// wiping them is best-effort (see UnlockDialog::takePassphrase).

#include "core/common/bytes.h"

#include <QString>

class QLineEdit;

#include <cstdint>
#include <vector>

namespace gtx::ui {

// Overwrites memory through a volatile pointer, so the stores are not
// optimised away.
void wipeMemory(void *data, std::size_t size);
// Overwrites a QString's characters if this QString is the only owner of
// them, then empties it. A shared buffer is left alone (writing to it would
// only detach and wipe a fresh copy).
void wipeString(QString &text);
// Overwrites the characters of a QString in place even when they are shared
// with other QStrings (a line edit's own copy), as long as they live on the
// heap; literals are left alone. Use only on the GUI thread that owns every
// sharer, immediately before those sharers drop the text.
void wipeSharedString(const QString &text);
// Overwrites a line edit's text in place (the edit shares its buffer with
// the QString that text() returns), then empties the edit. setText() rather
// than clear() so that the undo history is dropped too.
void wipeLineEdit(QLineEdit *edit);

class SecretBytes
{
public:
    SecretBytes() = default;
    // UTF-8 of `text`; the temporary UTF-8 buffer is wiped.
    static SecretBytes fromUtf8Of(const QString &text);

    ~SecretBytes() { wipe(); }
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    ByteView view() const { return {m_bytes.data(), m_bytes.size()}; }
    std::size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }

    // Overwrites and empties the bytes.
    void wipe();

private:
    std::vector<std::uint8_t> m_bytes;
};

} // namespace gtx::ui
