#include "core/ledger/sqlite.h"

#include "core/crypto/secure_buffer.h"

#include <sqlite3.h>

#include <climits>

namespace gtx::ledger::sql {

namespace {

Error makeSqlError(sqlite3 *db, int rc, const std::string &fileName, std::string_view context)
{
    const int primary = rc & 0xff;
    std::string code = "ledger.database";
    switch (primary) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = "ledger.corrupt";
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
        code = "ledger.io";
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = "ledger.busy";
        break;
    default:
        break;
    }
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (detail.empty())
        detail = sqlite3_errstr(rc);
    std::string message = fileName + ": ";
    if (!context.empty()) {
        message += context;
        message += ": ";
    }
    message += detail;
    if (code == "ledger.corrupt")
        message += " (the file is damaged; restore it from a backup or resynchronise)";
    return makeError(std::move(code), std::move(message));
}

Error closedError(const std::string &fileName)
{
    return makeError("ledger.closed",
                     (fileName.empty() ? std::string("The ledger database") : fileName)
                         + ": the connection is closed after a failed operation; open the "
                           "ledger again.");
}

// "x'<64 hex>'" in locked memory, the raw-key form SQLCipher accepts.
crypto::SecureBuffer rawKeyLiteral(ByteView rawKey)
{
    static const char digits[] = "0123456789ABCDEF";
    crypto::SecureBuffer literal(rawKey.size() * 2 + 3);
    std::uint8_t *out = literal.data();
    *out++ = 'x';
    *out++ = '\'';
    for (auto b : rawKey) {
        *out++ = static_cast<std::uint8_t>(digits[b >> 4]);
        *out++ = static_cast<std::uint8_t>(digits[b & 0x0f]);
    }
    *out = '\'';
    return literal;
}

} // namespace

// --- Statement -----------------------------------------------------------

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_fileName(std::move(other.m_fileName)),
      m_bindError(other.m_bindError)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_fileName = std::move(other.m_fileName);
        m_bindError = other.m_bindError;
    }
    return *this;
}

Statement &Statement::start()
{
    reset();
    if (m_stmt)
        sqlite3_clear_bindings(m_stmt);
    m_bindError = SQLITE_OK;
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bind(int index, ByteView value)
{
    int rc = SQLITE_TOOBIG;
    if (value.size() <= static_cast<std::size_t>(INT_MAX)) {
        // A zero-length blob must still be a blob, not NULL.
        static const std::uint8_t empty = 0;
        rc = sqlite3_bind_blob(m_stmt, index, value.empty() ? &empty : value.data(),
                               static_cast<int>(value.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bindText(int index, std::string_view value)
{
    int rc = SQLITE_TOOBIG;
    if (value.size() <= static_cast<std::size_t>(INT_MAX))
        rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                               SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Error Statement::failure(int rc) const
{
    return makeSqlError(sqlite3_db_handle(m_stmt), rc, m_fileName, {});
}

Result<bool> Statement::next()
{
    if (!m_stmt)
        return closedError(m_fileName);
    if (m_bindError != SQLITE_OK) {
        const int rc = m_bindError;
        reset();
        return makeSqlError(nullptr, rc, m_fileName, "binding a parameter");
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt);
        return false;
    }
    Error error = failure(rc);
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run()
{
    for (;;) {
        auto row = next();
        if (!row)
            return row.error();
        if (!*row)
            return Status::success();
    }
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

ByteView Statement::blobView(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data || size <= 0)
        return {};
    return {static_cast<const std::uint8_t *>(data), static_cast<std::size_t>(size)};
}

Bytes Statement::blob(int column) const
{
    const ByteView view = blobView(column);
    return Bytes(view.begin(), view.end());
}

std::string Statement::text(int column) const
{
    const unsigned char *data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data || size <= 0)
        return {};
    return std::string(reinterpret_cast<const char *>(data), static_cast<std::size_t>(size));
}

// --- Database ------------------------------------------------------------

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_fileName(std::move(other.m_fileName))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_fileName = std::move(other.m_fileName);
    }
    return *this;
}

void Database::close()
{
    if (m_db) {
        // All statements are owned by the caller and finalized first;
        // sqlite3_close_v2 defers the close if one is still alive.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<Database> Database::open(const std::filesystem::path &path, bool create)
{
    const std::string fileName = path.filename().string();
    sqlite3 *handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
                      | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    const int rc = sqlite3_open_v2(path.string().c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = makeSqlError(handle, rc, fileName, "cannot open");
        sqlite3_close_v2(handle);
        return error;
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, 5000);
    return Database(handle, fileName);
}

Result<Database> Database::openEncrypted(const std::filesystem::path &path, ByteView rawKey,
                                         bool create)
{
    auto db = open(path, create);
    if (!db)
        return db.error();
    auto version = db->cipherVersion();
    if (!version)
        return version.error();
    if (version->empty())
        return makeError("ledger.no_encryption",
                         "The program is linked against plain SQLite instead of SQLCipher; "
                         "refusing to run with an unencrypted ledger.");
    GTX_TRY(db->key(rawKey));
    // Must come right after the key and before the first read of the file.
    GTX_TRY(db->exec("PRAGMA cipher_page_size = 4096"));
    // The first read decrypts page 1: a key that does not fit fails here.
    auto probe = db->queryText("SELECT count(*) FROM sqlite_master");
    if (!probe)
        return probe.error();
    return db;
}

Result<std::string> Database::cipherVersion()
{
    if (!m_db)
        return closedError(m_fileName);
    auto st = prepare("PRAGMA cipher_version");
    if (!st)
        return st.error();
    st->start();
    auto row = st->next();
    if (!row)
        return row.error();
    if (!*row)
        return std::string();
    std::string version = st->text(0);
    st->reset();
    return version;
}

// SQLCipher 3.4.1 takes a key of exactly x'<64 hex digits>' as raw key data
// (no PBKDF2), through sqlite3_key() as through PRAGMA key; sqlite3_key()
// keeps the key out of SQL text. A wrong key fails at the first read.
Status Database::key(ByteView rawKey)
{
    if (rawKey.size() != 32)
        return makeError("ledger.key", "The database key must be 32 bytes.");
    if (!m_db)
        return closedError(m_fileName);
    const crypto::SecureBuffer literal = rawKeyLiteral(rawKey);
    const int rc = sqlite3_key(m_db, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK)
        return error(rc, "setting the key");
    return Status::success();
}

Status Database::rekey(ByteView rawKey)
{
    if (rawKey.size() != 32)
        return makeError("ledger.key", "The database key must be 32 bytes.");
    if (!m_db)
        return closedError(m_fileName);
    const crypto::SecureBuffer literal = rawKeyLiteral(rawKey);
    // In SQLCipher 3.4.1 this is SQLITE_OK whatever happened (see sqlite.h).
    const int rc = sqlite3_rekey(m_db, literal.data(), static_cast<int>(literal.size()));
    if (rc != SQLITE_OK)
        return error(rc, "re-encrypting");
    return Status::success();
}

Status Database::exec(const char *sql)
{
    if (!m_db)
        return closedError(m_fileName);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return error(rc);
    return Status::success();
}

Result<std::string> Database::queryText(const char *sql)
{
    auto st = prepare(sql);
    if (!st)
        return st.error();
    st->start();
    auto row = st->next();
    if (!row)
        return row.error();
    if (!*row)
        return makeError("ledger.database", m_fileName + ": a query returned no row");
    std::string value = st->text(0);
    st->reset();
    return value;
}

Result<Statement> Database::prepare(std::string_view sql)
{
    if (!m_db)
        return closedError(m_fileName);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt,
                                      nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc);
    }
    return Statement(stmt, m_fileName);
}

std::int64_t Database::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

Error Database::error(int rc, std::string_view context) const
{
    return makeSqlError(m_db, rc, m_fileName, context);
}

// --- Transaction ---------------------------------------------------------

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    GTX_TRY(m_db.exec("BEGIN IMMEDIATE"));
    m_active = true;
    return Status::success();
}

Status Transaction::commit()
{
    const Status status = m_db.exec("COMMIT");
    if (!status.ok()) {
        rollback();
        return status;
    }
    m_active = false;
    return Status::success();
}

void Transaction::rollback()
{
    if (m_active) {
        m_active = false;
        (void)m_db.exec("ROLLBACK");
    }
}

} // namespace gtx::ledger::sql
