#pragma once

#include <QByteArray>
#include <QString>

namespace graphsim {

/// Appends compact JSON text to a byte array without building a QJsonObject first: the alert
/// lists of a million-alert tenant are serialised on demand, and this is what keeps that fast.
/// The caller is responsible for well-formed nesting; commas are inserted automatically.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    /// Starts a member: writes `"name":` (name must not need escaping).
    void key(const char *name);

    void value(QByteArrayView utf8);             ///< string (escaped)
    void value(const QString &text);             ///< string (escaped)
    void value(const char *utf8) { value(QByteArrayView(utf8)); }
    void value(const QByteArray &utf8) { value(QByteArrayView(utf8)); }
    void valueNumber(qint64 number);
    void valueDouble(double number);
    void valueBool(bool flag);
    void valueNull();
    /// Already-serialised JSON (an object or array produced elsewhere).
    void valueRaw(QByteArrayView json);
    /// An ISO 8601 UTC timestamp with 7 fractional digits, as Graph writes them; 0 ticks → null.
    void valueTicks(qint64 ticks);

    // Shorthands for `key(k); value(v);`
    void member(const char *name, QByteArrayView utf8) { key(name); value(utf8); }
    void member(const char *name, const char *utf8) { key(name); value(QByteArrayView(utf8)); }
    void member(const char *name, const QByteArray &utf8) { key(name); value(QByteArrayView(utf8)); }
    void member(const char *name, const QString &text) { key(name); value(text); }
    void memberOrNull(const char *name, const QString &text);
    void memberNumber(const char *name, qint64 number) { key(name); valueNumber(number); }
    void memberBool(const char *name, bool flag) { key(name); valueBool(flag); }
    void memberNull(const char *name) { key(name); valueNull(); }
    void memberTicks(const char *name, qint64 ticks) { key(name); valueTicks(ticks); }

    /// Escapes `utf8` as a JSON string body (without quotes) onto `out`.
    static void escapeInto(QByteArray &out, QByteArrayView utf8);

private:
    void separator();

    QByteArray &m_out;
    bool m_needComma = false;
};

/// .NET ticks (100 ns since 0001-01-01) ↔ milliseconds since the Unix epoch. Graph timestamps
/// carry 7 fractional digits; the simulator keeps times as ticks so nothing is lost in a round trip.
constexpr qint64 kUnixEpochTicks = 621355968000000000LL;
constexpr qint64 ticksFromMs(qint64 ms) { return kUnixEpochTicks + ms * 10'000; }
constexpr qint64 msFromTicks(qint64 ticks) { return (ticks - kUnixEpochTicks) / 10'000; }

/// "2024-05-01T12:00:00.1234567Z"
QByteArray formatTicks(qint64 ticks);
/// Parses an ISO 8601 / OData DateTimeOffset ("2024-05-01T12:00:00Z", "…T12:00:00.1234567+02:00",
/// "2024-05-01"). Returns false when `text` is not one.
bool parseTicks(QStringView text, qint64 *ticks);

} // namespace graphsim
