#include "jsonwriter.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace graphsim {

JsonWriter::JsonWriter(qsizetype expectedBytes)
{
    m_buffer.resize(qMax<qsizetype>(64, expectedBytes));
    m_p = m_buffer.data();
    m_end = m_p + m_buffer.size();
}

QByteArray JsonWriter::take()
{
    m_buffer.resize(m_p - m_buffer.data());
    QByteArray out = std::move(m_buffer);
    m_buffer = QByteArray();
    m_p = m_end = nullptr;
    m_needComma = false;
    return out;
}

void JsonWriter::grow(qsizetype n)
{
    const qsizetype used = m_buffer.isNull() ? 0 : m_p - m_buffer.data();
    m_buffer.resize(qMax(used + n + 64, m_buffer.size() * 2));
    m_p = m_buffer.data() + used;
    m_end = m_buffer.data() + m_buffer.size();
}

void JsonWriter::keyRaw(const char *name, qsizetype n)
{
    separator();
    ensure(n + 3);
    *m_p++ = '"';
    std::memcpy(m_p, name, size_t(n));
    m_p += n;
    *m_p++ = '"';
    *m_p++ = ':';
    m_needComma = false;
}

void JsonWriter::escapeInto(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    const char *begin = utf8.data();
    const char *end = begin + utf8.size();
    const char *run = begin;
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(u, 6);
        }
        }
    }
    out.append(run, end - run);
}

void JsonWriter::escaped(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    while (p != end) {
        const char *run = p;
        while (p != end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' && *p != '\\')
            ++p;
        put(run, p - run);
        if (p == end)
            break;
        const auto c = static_cast<unsigned char>(*p++);
        switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        case '\b': put("\\b", 2); break;
        case '\f': put("\\f", 2); break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            put(u, 6);
        }
        }
    }
}

void JsonWriter::value(QByteArrayView utf8)
{
    separator();
    put('"');
    escaped(utf8);
    put('"');
}

void JsonWriter::value(const QString &text)
{
    value(QByteArrayView(text.toUtf8()));
}

void JsonWriter::valueTrusted(QByteArrayView ascii)
{
    separator();
    ensure(ascii.size() + 2);
    *m_p++ = '"';
    std::memcpy(m_p, ascii.data(), size_t(ascii.size()));
    m_p += ascii.size();
    *m_p++ = '"';
}

void JsonWriter::valueNumber(qint64 number)
{
    separator();
    appendNumber(number);
}

void JsonWriter::appendNumber(qint64 number)
{
    char buffer[24];
    char *e = buffer + sizeof buffer;
    char *b = e;
    const bool negative = number < 0;
    quint64 v = negative ? quint64(0) - quint64(number) : quint64(number);
    do {
        *--b = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        *--b = '-';
    put(b, e - b);
}

void JsonWriter::valueDouble(double number)
{
    separator();
    if (!std::isfinite(number)) {
        put("null", 4);
        return;
    }
    const QByteArray text = QByteArray::number(number, 'g', 15);
    put(text.constData(), text.size());
}

void JsonWriter::valueBool(bool flag)
{
    separator();
    if (flag)
        put("true", 4);
    else
        put("false", 5);
}

void JsonWriter::valueNull()
{
    separator();
    put("null", 4);
}

void JsonWriter::valueRaw(QByteArrayView json)
{
    separator();
    put(json.data(), json.size());
}

void JsonWriter::valueTicks(qint64 ticks)
{
    if (ticks == 0) {
        valueNull();
        return;
    }
    separator();
    ensure(30);
    *m_p++ = '"';
    formatTicksInto(m_p, ticks);
    m_p += 28;
    *m_p++ = '"';
}

namespace {
void appendPadded(char *&p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += width;
}
} // namespace

void formatTicksInto(char *out, qint64 ticks)
{
    const qint64 sinceEpoch = ticks - kUnixEpochTicks;
    qint64 seconds = sinceEpoch >= 0 ? sinceEpoch / 10'000'000 : (sinceEpoch - 9'999'999) / 10'000'000;
    const qint64 fraction = sinceEpoch - seconds * 10'000'000;
    qint64 days = seconds >= 0 ? seconds / 86'400 : (seconds - 86'399) / 86'400;
    const qint64 secondOfDay = seconds - days * 86'400;
    // Most timestamps of a page fall on a few days: remember the last date written.
    thread_local qint64 cachedDays = std::numeric_limits<qint64>::min();
    thread_local char cachedDate[11];
    char *p = out;
    if (days == cachedDays) {
        std::memcpy(p, cachedDate, 11);
        p += 11;
    } else {
        cachedDays = days;
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    days += 719'468;
    const qint64 era = (days >= 0 ? days : days - 146'096) / 146'097;
    const qint64 doe = days - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    appendPadded(p, year, 4);
    *p++ = '-';
    appendPadded(p, month, 2);
    *p++ = '-';
    appendPadded(p, day, 2);
    *p++ = 'T';
    std::memcpy(cachedDate, out, 11);
    }
    appendPadded(p, secondOfDay / 3600, 2);
    *p++ = ':';
    appendPadded(p, (secondOfDay / 60) % 60, 2);
    *p++ = ':';
    appendPadded(p, secondOfDay % 60, 2);
    *p++ = '.';
    appendPadded(p, fraction, 7);
    *p = 'Z';
}

QByteArray formatTicks(qint64 ticks)
{
    QByteArray out(28, Qt::Uninitialized);
    formatTicksInto(out.data(), ticks);
    return out;
}

bool parseTicks(QStringView text, qint64 *ticks)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7})\\d*)?)?"
        "([Zz]|[+-]\\d{2}:\\d{2})?)?$"));
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch())
        return false;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    if (!date.isValid())
        return false;
    const int hour = m.capturedView(4).toInt();
    const int minute = m.capturedView(5).toInt();
    const int second = m.capturedView(6).toInt();
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    QString fraction = m.captured(7);
    while (fraction.size() < 7)
        fraction += u'0';
    qint64 offsetMinutes = 0;
    const QStringView zone = m.capturedView(8);
    if (zone.size() == 6) {
        offsetMinutes = zone.mid(1, 2).toInt() * 60 + zone.mid(4, 2).toInt();
        if (zone.front() == u'-')
            offsetMinutes = -offsetMinutes;
    }
    const qint64 days = QDate(1970, 1, 1).daysTo(date);
    const qint64 seconds = days * 86'400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    *ticks = kUnixEpochTicks + seconds * 10'000'000 + fraction.toLongLong();
    return true;
}

} // namespace graphsim
