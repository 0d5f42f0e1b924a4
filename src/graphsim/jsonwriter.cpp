#include "jsonwriter.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>

namespace graphsim {

void JsonWriter::separator()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separator();
    m_out += '{';
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separator();
    m_out += '[';
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_out += ']';
    m_needComma = true;
}

void JsonWriter::key(const char *name)
{
    separator();
    m_out += '"';
    m_out += name;
    m_out += "\":";
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

void JsonWriter::value(QByteArrayView utf8)
{
    separator();
    m_out += '"';
    escapeInto(m_out, utf8);
    m_out += '"';
}

void JsonWriter::value(const QString &text)
{
    value(QByteArrayView(text.toUtf8()));
}

void JsonWriter::valueNumber(qint64 number)
{
    separator();
    m_out += QByteArray::number(number);
}

void JsonWriter::valueDouble(double number)
{
    separator();
    if (!std::isfinite(number))
        m_out += "null";
    else
        m_out += QByteArray::number(number, 'g', 15);
}

void JsonWriter::valueBool(bool flag)
{
    separator();
    m_out += flag ? "true" : "false";
}

void JsonWriter::valueNull()
{
    separator();
    m_out += "null";
}

void JsonWriter::valueRaw(QByteArrayView json)
{
    separator();
    m_out += json;
}

void JsonWriter::valueTicks(qint64 ticks)
{
    if (ticks == 0) {
        valueNull();
        return;
    }
    separator();
    m_out += '"';
    m_out += formatTicks(ticks);
    m_out += '"';
}

void JsonWriter::memberOrNull(const char *name, const QString &text)
{
    key(name);
    if (text.isNull())
        valueNull();
    else
        value(text);
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

QByteArray formatTicks(qint64 ticks)
{
    const qint64 ms = msFromTicks(ticks);
    qint64 days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    const qint64 msOfDay = ms - days * 86'400'000;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    const qint64 fraction = (ticks - kUnixEpochTicks) % 10'000'000;
    char buffer[32];
    char *p = buffer;
    appendPadded(p, date.year(), 4);
    *p++ = '-';
    appendPadded(p, date.month(), 2);
    *p++ = '-';
    appendPadded(p, date.day(), 2);
    *p++ = 'T';
    appendPadded(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    appendPadded(p, (msOfDay / 60'000) % 60, 2);
    *p++ = ':';
    appendPadded(p, (msOfDay / 1000) % 60, 2);
    *p++ = '.';
    appendPadded(p, fraction < 0 ? fraction + 10'000'000 : fraction, 7);
    *p++ = 'Z';
    return QByteArray(buffer, p - buffer);
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
