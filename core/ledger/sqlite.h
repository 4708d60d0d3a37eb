#pragma once

// A small RAII layer over the SQLCipher C API (sqlite3 / sqlite3_stmt).
//
// Every value reaches SQL through bound parameters; only fixed statement text
// (schema, pragmas with constant arguments) goes through exec(). Failures
// become gtx::Error with a code derived from the SQLite result:
//   "ledger.corrupt"  damaged or undecryptable file (SQLITE_CORRUPT, _NOTADB)
//   "ledger.io"       disk full, I/O error, cannot open, read-only
//   "ledger.busy"     another process holds the database
//   "ledger.database" anything else (constraint, misuse, ...)
//   "ledger.closed"   the connection was closed (a Statement or Database
//                     left empty after a failed passphrase change)
// Messages start with the file name so an operator knows which file is hurt.
// Every operation on an empty (default-constructed or closed) Statement or
// Database fails with "ledger.closed" instead of reaching SQLite.
//
// <sqlite3.h> is included only by sqlite.cpp; users see opaque handles.

#include "core/common/bytes.h"
#include "core/common/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace gtx::ledger::sql {

// One prepared statement. Move-only; finalized on destruction.
//
// Use: start() (resets and clears bindings), bind(...), then next() for each
// row or run() for a statement without rows. next() resets the statement
// when it reaches the end; call reset() after reading only part of a result
// so no read transaction stays open.
class Statement
{
public:
    Statement() = default;
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }

    Statement &start();
    // Parameters are numbered from 1. A failed bind is reported by the next
    // next()/run().
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, ByteView value);
    Statement &bindText(int index, std::string_view value);
    Statement &bindNull(int index);

    // True when a row is available, false at the end (the statement is then reset).
    Result<bool> next();
    // Executes to completion and resets.
    Status run();
    void reset();

    // Column accessors for the current row; columns are numbered from 0.
    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    Bytes blob(int column) const;
    ByteView blobView(int column) const;  // valid until the next step or reset
    std::string text(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, std::string fileName)
        : m_stmt(stmt), m_fileName(std::move(fileName))
    {
    }
    Error failure(int rc) const;

    sqlite3_stmt *m_stmt = nullptr;
    std::string m_fileName;
    int m_bindError = 0;
};

// One database connection. Move-only; closed on destruction.
class Database
{
public:
    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens `path` read-write; with `create`, creates it when missing.
    // Nothing is read from the file until the first statement runs.
    static Result<Database> open(const std::filesystem::path &path, bool create);

    // Opens an encrypted database: open(), the SQLCipher check, the raw
    // 256-bit key, 4 KiB cipher pages, then a first read that proves the key
    // decrypts the file. A key that does not decrypt gives "ledger.corrupt".
    static Result<Database> openEncrypted(const std::filesystem::path &path, ByteView rawKey,
                                          bool create);

    bool isOpen() const { return m_db != nullptr; }
    const std::string &fileName() const { return m_fileName; }

    // The linked library's SQLCipher version, empty when it is plain SQLite
    // (then PRAGMA key would silently do nothing).
    Result<std::string> cipherVersion();
    // Sets the raw 32-byte key (handed to SQLCipher as x'<64 hex>').
    Status key(ByteView rawKey);
    // Re-encrypts the whole database under a new raw 32-byte key.
    // SQLCipher 3.4.1's sqlite3_rekey returns SQLITE_OK even when writing
    // the pages or the commit failed, and after such a failure the
    // connection keeps the new key for writing and the old one for reading.
    // So the result says nothing about the file: close this connection
    // without writing through it again, and check the file through a new
    // connection (see Ledger::changePassphrase()).
    Status rekey(ByteView rawKey);

    // Runs fixed SQL text (no parameters), e.g. schema and pragmas.
    Status exec(const char *sql);
    // Runs a single-row query of fixed text and returns its first column as text.
    Result<std::string> queryText(const char *sql);
    Result<Statement> prepare(std::string_view sql);

    std::int64_t changes() const;

    // Turns a SQLite result code into an Error naming the file.
    Error error(int rc, std::string_view context = {}) const;

private:
    explicit Database(sqlite3 *db, std::string fileName)
        : m_db(db), m_fileName(std::move(fileName))
    {
    }
    void close();

    sqlite3 *m_db = nullptr;
    std::string m_fileName;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db) {}
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace gtx::ledger::sql
