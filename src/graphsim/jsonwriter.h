#pragma once

#include <QByteArray>
#include <QString>

#include <cstring>

namespace graphsim {

/// Writes compact JSON text into its own buffer without building a QJsonObject first: the alert
/// lists of a million-alert tenant are serialised on demand, and this is what keeps that fast
/// (a raw pointer into a growing buffer, no per-append bookkeeping). The caller is responsible for
/// well-formed nesting; commas are inserted automatically. take() hands the text over.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype expectedBytes = 4096);
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    /// The JSON written so far; the writer is empty afterwards.
    QByteArray take();

    void beginObject() { separator(); put('{'); m_needComma = false; }
    void endObject() { put('}'); m_needComma = true; }
    void beginArray() { separator(); put('['); m_needComma = false; }
    void endArray() { put(']'); m_needComma = true; }

    /// Starts a member: writes `"name":` (name must not need escaping).
    template<size_t N>
    void key(const char (&name)[N]) { keyRaw(name, N - 1); }
    void key(QByteArrayView name) { keyRaw(name.data(), name.size()); }

    void value(QByteArrayView utf8);             ///< string (escaped)
    void value(const QString &text);             ///< string (escaped)
    void value(const QByteArray &utf8) { value(QByteArrayView(utf8)); }
    void value(const char *utf8) { value(QByteArrayView(utf8)); }
    /// A string known to need no escaping (ids, enum names, generated ASCII text).
    void valueTrusted(QByteArrayView ascii);
    /// A string written in pieces that need no escaping: beginString(), append…(), endString().
    void beginString() { separator(); put('"'); }
    void appendTrusted(QByteArrayView ascii) { put(ascii.data(), ascii.size()); }
    void appendNumber(qint64 number);
    void appendEscaped(QByteArrayView utf8) { escaped(utf8); }
    void endString() { put('"'); }
    void valueNumber(qint64 number);
    void valueDouble(double number);
    void valueBool(bool flag);
    void valueNull();
    /// Already-serialised JSON (an object or array produced elsewhere).
    void valueRaw(QByteArrayView json);
    /// An ISO 8601 UTC timestamp with 7 fractional digits, as Graph writes them; 0 ticks → null.
    void valueTicks(qint64 ticks);

    // Shorthands for `key(k); value(v);`
    template<size_t N>
    void member(const char (&name)[N], QByteArrayView utf8) { key(name); value(utf8); }
    template<size_t N>
    void member(const char (&name)[N], const QByteArray &utf8) { key(name); value(QByteArrayView(utf8)); }
    template<size_t N>
    void member(const char (&name)[N], const char *utf8) { key(name); value(QByteArrayView(utf8)); }
    template<size_t N>
    void member(const char (&name)[N], const QString &text) { key(name); value(text); }
    template<size_t N>
    void memberTrusted(const char (&name)[N], QByteArrayView ascii) { key(name); valueTrusted(ascii); }
    template<size_t N>
    void memberNumber(const char (&name)[N], qint64 number) { key(name); valueNumber(number); }
    template<size_t N>
    void memberBool(const char (&name)[N], bool flag) { key(name); valueBool(flag); }
    template<size_t N>
    void memberNull(const char (&name)[N]) { key(name); valueNull(); }
    template<size_t N>
    void memberTicks(const char (&name)[N], qint64 ticks) { key(name); valueTicks(ticks); }

    /// Escapes `utf8` as a JSON string body (without quotes) onto `out`.
    static void escapeInto(QByteArray &out, QByteArrayView utf8);

private:
    void separator()
    {
        if (m_needComma)
            put(',');
        m_needComma = true;
    }
    void ensure(qsizetype n)
    {
        if (m_end - m_p < n)
            grow(n);
    }
    void put(char c)
    {
        ensure(1);
        *m_p++ = c;
    }
    void put(const char *data, qsizetype n)
    {
        ensure(n);
        std::memcpy(m_p, data, size_t(n));
        m_p += n;
    }
    void keyRaw(const char *name, qsizetype n);
    void escaped(QByteArrayView utf8);
    void grow(qsizetype n);

    QByteArray m_buffer;
    char *m_p = nullptr;
    char *m_end = nullptr;
    bool m_needComma = false;
};

/// .NET ticks (100 ns since 0001-01-01) ↔ milliseconds since the Unix epoch. Graph timestamps
/// carry 7 fractional digits; the simulator keeps times as ticks so nothing is lost in a round trip.
constexpr qint64 kUnixEpochTicks = 621355968000000000LL;
constexpr qint64 ticksFromMs(qint64 ms) { return kUnixEpochTicks + ms * 10'000; }
constexpr qint64 msFromTicks(qint64 ticks) { return (ticks - kUnixEpochTicks) / 10'000; }

/// Writes "2024-05-01T12:00:00.1234567Z" (28 characters) to `out`.
void formatTicksInto(char *out, qint64 ticks);
/// "2024-05-01T12:00:00.1234567Z"
QByteArray formatTicks(qint64 ticks);
/// Parses an ISO 8601 / OData DateTimeOffset ("2024-05-01T12:00:00Z", "…T12:00:00.1234567+02:00",
/// "2024-05-01"). Returns false when `text` is not one.
bool parseTicks(QStringView text, qint64 *ticks);

} // namespace graphsim
