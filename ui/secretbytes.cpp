#include "ui/secretbytes.h"

#include <QByteArray>
#include <QLineEdit>

#include <utility>

namespace gtx::ui {

void wipeMemory(void *data, std::size_t size)
{
    volatile auto *p = static_cast<volatile unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i)
        p[i] = 0;
}

void wipeString(QString &text)
{
    if (!text.isEmpty() && text.isDetached())
        wipeMemory(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

void wipeSharedString(const QString &text)
{
    // isMutable(): heap data, not a read-only literal.
    if (!text.isEmpty() && text.data_ptr().isMutable()) {
        wipeMemory(const_cast<QChar *>(text.constData()),
                   static_cast<std::size_t>(text.size()) * sizeof(QChar));
    }
}

SecretBytes SecretBytes::fromUtf8Of(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret;
    secret.m_bytes.assign(utf8.constBegin(), utf8.constEnd());
    if (!utf8.isEmpty())
        wipeMemory(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

void SecretBytes::wipe()
{
    if (!m_bytes.empty())
        wipeMemory(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
}

void wipeLineEdit(QLineEdit *edit)
{
    wipeSharedString(edit->text());
    edit->setText(QString());
}

} // namespace gtx::ui
