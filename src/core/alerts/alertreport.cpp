#include "alertreport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

Q_LOGGING_CATEGORY(lcAlertReport, "vigil.core.alerts.report", QtInfoMsg)

namespace vigil::core {

namespace {

// Bounds that keep one hostile or huge alert from producing an unbounded document. Whatever is
// cut stays readable in the raw JSON.
constexpr qsizetype kMaxValueChars = 4000; // one table value
constexpr qsizetype kMaxTextChars = 20000; // description, recommended actions, one comment
constexpr int kMaxItemsPerGroup = 100; // evidence items of one type
constexpr int kMaxComments = 200;
constexpr int kMaxGenericRows = 16; // properties shown for an evidence type we do not know

// ---- text -----------------------------------------------------------------------------------

bool isBidiControl(char16_t u)
{
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F || u == 0x061C;
}

/// Normalises line ends, drops control characters, shows bidirectional controls (which can make
/// "invoice<U+202E>fdp.exe" read as "invoiceexe.pdf") as visible code points, and cuts at `limit`.
QString cleanText(QString text, qsizetype limit)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const bool truncated = text.size() > limit;
    if (truncated) {
        text.truncate(limit);
        if (text.back().isHighSurrogate())
            text.chop(1);
    }
    QString out;
    out.reserve(text.size() + 2);
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t')
            out += c;
        else if (u < 0x20 || (u >= 0x7F && u < 0xA0))
            continue;
        else if (isBidiControl(u))
            out += QStringLiteral("[U+%1]").arg(uint(u), 4, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    if (truncated)
        out += QStringLiteral(" …");
    return out;
}

/// The only way alert text enters the document: cleaned and HTML-escaped.
QString esc(const QString &text, qsizetype limit = kMaxValueChars)
{
    return cleanText(text, limit).toHtmlEscaped();
}

/// Escaped text whose line breaks are kept.
QString escLines(const QString &text, qsizetype limit = kMaxValueChars)
{
    return esc(text, limit).replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
}

QString splitCamelCase(const QString &value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (i == 0)
            out += c.toUpper();
        else if (c.isUpper() && !value.at(i - 1).isUpper())
            out += QLatin1Char(' ') + c.toLower();
        else
            out += c;
    }
    return out;
}

qint64 parseTimeMs(const QString &iso)
{
    // Graph sends up to 7 fractional digits; Qt::ISODateWithMs takes 3.
    QString trimmed = iso;
    const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed.at(end).isDigit())
            ++end;
        trimmed = trimmed.left(qMin(end, dot + 4)) + trimmed.mid(end);
    }
    const QDateTime t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

QString displayMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

/// Times in UTC, so a mailed report reads the same in every time zone.
QString displayTime(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    const qint64 ms = parseTimeMs(iso);
    return ms < 0 ? iso : displayMs(ms);
}

// ---- JSON -----------------------------------------------------------------------------------

QJsonValue valueAt(const QJsonObject &object, QLatin1String path)
{
    QJsonValue value = object;
    for (const QLatin1String part : QLatin1String(path).tokenize(QLatin1Char('/'))) {
        if (!value.isObject())
            return {};
        value = value.toObject().value(part);
    }
    return value;
}

/// Text of a scalar, or of the scalars of an array; empty for objects, null and missing values.
QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? AlertReport::tr("Yes") : AlertReport::tr("No");
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue item : array) {
            const QString text = item.isArray() ? QString() : scalarText(item);
            if (!text.isEmpty())
                parts << text;
        }
        return parts.join(QLatin1String(", "));
    }
    default:
        return {};
    }
}

QString text(const QJsonObject &object, const char *path)
{
    return scalarText(valueAt(object, QLatin1String(path)));
}

/// The alert's JSON; when it is missing or broken, the table fields stand in for it.
QJsonObject alertObject(const Alert &alert)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(alert.json, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    if (!alert.json.isEmpty())
        qCWarning(lcAlertReport) << "alert" << alert.id << "has no valid JSON:" << error.errorString();
    QJsonObject o { { QStringLiteral("id"), alert.id },
                    { QStringLiteral("title"), alert.title },
                    { QStringLiteral("severity"), severityToWire(alert.severity) },
                    { QStringLiteral("status"), alert.status },
                    { QStringLiteral("assignedTo"), alert.assignedTo },
                    { QStringLiteral("category"), alert.category } };
    if (alert.createdMs > 0)
        o.insert(QStringLiteral("createdDateTime"),
                 QDateTime::fromMSecsSinceEpoch(alert.createdMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
    if (alert.api == AlertApi::Legacy) {
        o.insert(QStringLiteral("feedback"), alert.classification);
        o.insert(QStringLiteral("vendorInformation"),
                 QJsonObject { { QStringLiteral("provider"), alert.serviceSource } });
        if (!alert.incidentId.isEmpty())
            o.insert(QStringLiteral("incidentIds"), QJsonArray { alert.incidentId });
    } else {
        o.insert(QStringLiteral("classification"), alert.classification);
        o.insert(QStringLiteral("determination"), alert.determination);
        o.insert(QStringLiteral("serviceSource"), alert.serviceSource);
        o.insert(QStringLiteral("incidentId"), alert.incidentId);
    }
    return o;
}

// ---- styles: one template, two renderings -----------------------------------------------------

// clang-format off
enum class Part : quint8 {
    Body, Frame, FrameCell, Title, Section, Group, Text, Muted, Mono, Link, List,
    KeyTable, Key, Value, ItemTable, ItemKey, ItemValue, Grid, GridHead, GridCell,
    Comment, CommentMeta, Rule,
    BadgeHigh, BadgeMedium, BadgeLow, BadgeInformational, BadgeUnknown,
    VerdictMalicious, VerdictSuspicious, VerdictClean,
    Count
};
// clang-format on

QString safeColour(const QString &value, const QString &fallback)
{
    static const QRegularExpression re(QStringLiteral("^(#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,30})$"));
    return re.match(value).hasMatch() ? value : fallback;
}

/// Writes the attributes that style an element: a class (Screen, with the rules in a <style>
/// block) or the same declarations inline (Mail). Every declaration is a constant of this file
/// or a colour that passed safeColour; nothing from an alert reaches a style.
class Writer final
{
public:
    Writer(AlertReport::Style style, const ReportPalette &palette)
        : m_style(style)
    {
        const ReportPalette defaults;
        m_palette.text = safeColour(palette.text, defaults.text);
        m_palette.background = safeColour(palette.background, defaults.background);
        m_palette.muted = safeColour(palette.muted, defaults.muted);
        m_palette.accent = safeColour(palette.accent, defaults.accent);
        m_palette.border = safeColour(palette.border, defaults.border);
    }

    QString at(Part part) const
    {
        if (m_style == AlertReport::Style::Screen)
            return QLatin1String(" class=\"r-") + QLatin1String(name(part)) + QLatin1Char('"');
        return QLatin1String(" style=\"") + css(part) + QLatin1Char('"');
    }

    QString open(const char *tag, Part part) const
    {
        return QLatin1Char('<') + QLatin1String(tag) + at(part) + QLatin1Char('>');
    }

    QString wrap(const char *tag, Part part, const QString &html) const
    {
        return open(tag, part) + html + QLatin1String("</") + QLatin1String(tag) + QLatin1Char('>');
    }

    QString styleBlock() const
    {
        QString out = QStringLiteral("<style>\n");
        for (int i = 0; i < int(Part::Count); ++i) {
            const auto part = Part(i);
            out += QLatin1String(".r-") + QLatin1String(name(part)) + QLatin1Char('{') + css(part)
                + QLatin1String("}\n");
        }
        out += QStringLiteral("a.r-link:hover{text-decoration:none}\n</style>\n");
        return out;
    }

    AlertReport::Style style() const { return m_style; }

private:
    static const char *name(Part part)
    {
        // clang-format off
        static constexpr const char *names[] = {
            "body", "frame", "framecell", "title", "section", "group", "text", "muted", "mono", "link", "list",
            "keytable", "key", "value", "itemtable", "itemkey", "itemvalue", "grid", "gridhead", "gridcell",
            "comment", "commentmeta", "rule",
            "badge-high", "badge-medium", "badge-low", "badge-informational", "badge-unknown",
            "verdict-malicious", "verdict-suspicious", "verdict-clean",
        };
        // clang-format on
        static_assert(std::size(names) == size_t(Part::Count), "one class name per part");
        return names[size_t(part)];
    }

    QString css(Part part) const
    {
        const ReportPalette &p = m_palette;
        const QString font = QStringLiteral("font-family:'Segoe UI',system-ui,Roboto,'Noto Sans','Noto Sans CJK SC',"
                                            "'Microsoft YaHei',Arial,sans-serif;font-size:14px;line-height:1.45");
        const auto badge = [](const char *background, const char *colour) {
            return QStringLiteral("display:inline-block;padding:1px 9px;border-radius:9px;font-size:12px;"
                                  "font-weight:600;line-height:1.6;color:%1;background-color:%2")
                .arg(QLatin1String(colour), QLatin1String(background));
        };
        switch (part) {
        case Part::Body:
            return QStringLiteral("margin:0;padding:0;background-color:%1;color:%2;").arg(p.background, p.text) + font;
        case Part::Frame:
            return QStringLiteral("width:100%;border-collapse:collapse;background-color:%1;color:%2")
                .arg(p.background, p.text);
        case Part::FrameCell:
            return QStringLiteral("padding:14px 20px 24px 20px;vertical-align:top;color:%1;").arg(p.text) + font;
        case Part::Title:
            return QStringLiteral("margin:8px 0 4px 0;font-size:20px;line-height:1.3;font-weight:600;color:%1")
                .arg(p.text);
        case Part::Section:
            return QStringLiteral("margin:24px 0 8px 0;padding:0 0 3px "
                                  "0;font-size:16px;font-weight:600;color:%1;border-bottom:1px solid %2")
                .arg(p.accent, p.border);
        case Part::Group:
            return QStringLiteral("margin:14px 0 6px 0;font-size:14px;font-weight:600;color:%1").arg(p.text);
        case Part::Text:
            return QStringLiteral("margin:0 0 8px 0;color:%1").arg(p.text);
        case Part::Muted:
            return QStringLiteral("color:%1").arg(p.muted);
        case Part::Mono:
            return QStringLiteral("font-family:Consolas,'DejaVu Sans Mono','Liberation "
                                  "Mono',monospace;font-size:12.5px;word-break:break-all");
        case Part::Link:
            return QStringLiteral("color:%1;text-decoration:underline").arg(p.accent);
        case Part::List:
            return QStringLiteral("margin:0 0 8px 0;padding-left:22px;color:%1").arg(p.text);
        case Part::KeyTable:
            return QStringLiteral("border-collapse:collapse;margin:8px 0 4px 0;color:%1;").arg(p.text) + font;
        case Part::Key:
            return QStringLiteral("padding:3px 18px 3px "
                                  "0;vertical-align:top;text-align:left;font-weight:normal;white-space:nowrap;color:%1")
                .arg(p.muted);
        case Part::Value:
            return QStringLiteral(
                       "padding:3px 0;vertical-align:top;overflow-wrap:anywhere;word-break:break-word;color:%1")
                .arg(p.text);
        case Part::ItemTable:
            return QStringLiteral("width:100%;border-collapse:collapse;margin:0 0 10px 0;border:1px solid %1;color:%2;")
                       .arg(p.border, p.text)
                + font;
        case Part::ItemKey:
            return QStringLiteral(
                       "width:28%;padding:4px "
                       "10px;vertical-align:top;text-align:left;font-weight:normal;border-bottom:1px solid %1;color:%2")
                .arg(p.border, p.muted);
        case Part::ItemValue:
            return QStringLiteral("padding:4px "
                                  "10px;vertical-align:top;overflow-wrap:anywhere;word-break:break-word;border-bottom:"
                                  "1px solid %1;color:%2")
                .arg(p.border, p.text);
        case Part::Grid:
            return QStringLiteral("width:100%;border-collapse:collapse;margin:8px 0 12px 0;color:%1;").arg(p.text)
                + font;
        case Part::GridHead:
            return QStringLiteral(
                       "padding:5px 8px;text-align:left;vertical-align:bottom;font-weight:600;border-bottom:2px solid "
                       "%1;color:%2")
                .arg(p.border, p.muted);
        case Part::GridCell:
            return QStringLiteral(
                       "padding:5px 8px;vertical-align:top;overflow-wrap:anywhere;border-bottom:1px solid %1;color:%2")
                .arg(p.border, p.text);
        case Part::Comment:
            return QStringLiteral("margin:0 0 10px 0;padding:4px 12px;border-left:3px solid %1;color:%2")
                .arg(p.accent, p.text);
        case Part::CommentMeta:
            return QStringLiteral("margin:0 0 2px 0;font-size:12px;color:%1").arg(p.muted);
        case Part::Rule:
            return QStringLiteral("border:0;border-top:2px solid %1;margin:32px 0 8px 0").arg(p.border);
        case Part::BadgeHigh:
            return badge("#c50f1f", "#ffffff");
        case Part::BadgeMedium:
            return badge("#da3b01", "#ffffff");
        case Part::BadgeLow:
            return badge("#eaa300", "#1b1b1b");
        case Part::BadgeInformational:
            return badge("#0f6cbd", "#ffffff");
        case Part::BadgeUnknown:
            return badge("#8a8886", "#ffffff");
        case Part::VerdictMalicious:
            return badge("#c50f1f", "#ffffff");
        case Part::VerdictSuspicious:
            return badge("#da3b01", "#ffffff");
        case Part::VerdictClean:
            return badge("#107c10", "#ffffff");
        case Part::Count:
            break;
        }
        return {};
    }

    AlertReport::Style m_style;
    ReportPalette m_palette;
};

QString document(const Writer &w, const QString &titleHtml, const QString &content)
{
    QString out = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">\n<title>");
    out += titleHtml + QLatin1String("</title>\n");
    if (w.style() == AlertReport::Style::Screen)
        out += w.styleBlock();
    out += QLatin1String("</head>\n<body") + w.at(Part::Body) + QLatin1String(">\n")
        + QLatin1String("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
        + w.at(Part::Frame) + QLatin1String("><tr><td") + w.at(Part::FrameCell) + QLatin1String(">\n") + content
        + QLatin1String("</td></tr></table>\n</body></html>\n");
    return out;
}

// ---- building blocks --------------------------------------------------------------------------

/// Key/value rows of one table. Labels are our own (translated) text, escaped as well.
class Rows final
{
public:
    Rows(const Writer &w, Part key, Part value)
        : m_w(w)
        , m_key(key)
        , m_value(value)
    { }

    void add(const QString &label, const QString &valueHtml)
    {
        m_html += QLatin1String("<tr><th scope=\"row\"") + m_w.at(m_key) + QLatin1Char('>') + label.toHtmlEscaped()
            + QLatin1String("</th><td") + m_w.at(m_value) + QLatin1Char('>') + valueHtml
            + QLatin1String("</td></tr>\n");
    }
    void addText(const QString &label, const QString &value)
    {
        if (!value.isEmpty())
            add(label, escLines(value));
    }
    void addMono(const QString &label, const QString &value)
    {
        if (!value.isEmpty())
            add(label, m_w.wrap("span", Part::Mono, esc(value)));
    }
    void addOr(const QString &label, const QString &value, const QString &missing)
    {
        add(label, value.isEmpty() ? m_w.wrap("span", Part::Muted, missing.toHtmlEscaped()) : escLines(value));
    }
    bool isEmpty() const { return m_html.isEmpty(); }
    QString table(Part tablePart) const
    {
        return m_w.open("table", tablePart) + QLatin1Char('\n') + m_html + QLatin1String("</table>\n");
    }

private:
    const Writer &m_w;
    Part m_key;
    Part m_value;
    QString m_html;
};

QString section(const Writer &w, const QString &heading)
{
    return w.wrap("h2", Part::Section, heading.toHtmlEscaped()) + QLatin1Char('\n');
}

Part severityPart(Severity severity)
{
    switch (severity) {
    case Severity::High:
        return Part::BadgeHigh;
    case Severity::Medium:
        return Part::BadgeMedium;
    case Severity::Low:
        return Part::BadgeLow;
    case Severity::Informational:
        return Part::BadgeInformational;
    case Severity::Unknown:
        break;
    }
    return Part::BadgeUnknown;
}

QString severityBadge(const Writer &w, Severity severity)
{
    return w.wrap("span", severityPart(severity), displaySeverity(severity).toHtmlEscaped());
}

/// A vetted link, or the address as plain text with a note saying why it is not a link.
QString linkOrText(const Writer &w, const QString &address, const QString &label = {})
{
    const QUrl url(address, QUrl::StrictMode);
    if (AlertReport::isTrustedLink(url)) {
        return QLatin1String("<a") + w.at(Part::Link) + QLatin1String(" href=\"")
            + url.toString(QUrl::FullyEncoded).toHtmlEscaped() + QLatin1String("\">")
            + (label.isEmpty() ? esc(address) : label.toHtmlEscaped()) + QLatin1String("</a>");
    }
    return w.wrap("span", Part::Mono, esc(address)) + QLatin1Char(' ')
        + w.wrap("span", Part::Muted,
                 AlertReport::tr("(not a Microsoft portal address, so not a link)").toHtmlEscaped());
}

// ---- evidence ---------------------------------------------------------------------------------

enum class Kind : quint8 { Text, Mono, Time };

struct Field
{
    const char *label;
    const char *path;
    Kind kind = Kind::Text;
};

constexpr Field kUserFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Display name"), "userAccount/displayName" },
    { QT_TRANSLATE_NOOP("AlertReport", "User principal name"), "userAccount/userPrincipalName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Account"), "userAccount/accountName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Domain"), "userAccount/domainName" },
    { QT_TRANSLATE_NOOP("AlertReport", "SID"), "userAccount/userSid", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Entra object ID"), "userAccount/azureAdUserId", Kind::Mono },
};
constexpr Field kDeviceFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Host name"), "hostName" },
    { QT_TRANSLATE_NOOP("AlertReport", "DNS name"), "deviceDnsName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Domain"), "ntDomain" },
    { QT_TRANSLATE_NOOP("AlertReport", "OS"), "osPlatform" },
    { QT_TRANSLATE_NOOP("AlertReport", "OS build"), "osBuild" },
    { QT_TRANSLATE_NOOP("AlertReport", "Version"), "version" },
    { QT_TRANSLATE_NOOP("AlertReport", "Health"), "healthStatus" },
    { QT_TRANSLATE_NOOP("AlertReport", "Risk score"), "riskScore" },
    { QT_TRANSLATE_NOOP("AlertReport", "Antivirus"), "defenderAvStatus" },
    { QT_TRANSLATE_NOOP("AlertReport", "IP address"), "lastIpAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "External IP address"), "lastExternalIpAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "First seen"), "firstSeenDateTime", Kind::Time },
    { QT_TRANSLATE_NOOP("AlertReport", "Defender device ID"), "mdeDeviceId", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Entra device ID"), "azureAdDeviceId", Kind::Mono },
};
constexpr Field kMailboxFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Display name"), "displayName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Primary address"), "primaryAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "User principal name"), "upn" },
};
constexpr Field kMessageFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Subject"), "subject" },
    { QT_TRANSLATE_NOOP("AlertReport", "Sender"), "p1Sender/emailAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Sender name"), "p1Sender/displayName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Recipient"), "recipientEmailAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Sender IP address"), "senderIp" },
    { QT_TRANSLATE_NOOP("AlertReport", "Received"), "receivedDateTime", Kind::Time },
    { QT_TRANSLATE_NOOP("AlertReport", "Delivery action"), "deliveryAction" },
    { QT_TRANSLATE_NOOP("AlertReport", "Delivery location"), "deliveryLocation" },
    { QT_TRANSLATE_NOOP("AlertReport", "Threats"), "threats" },
    { QT_TRANSLATE_NOOP("AlertReport", "URLs"), "urls", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Internet message ID"), "internetMessageId", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Network message ID"), "networkMessageId", Kind::Mono },
};
constexpr Field kProcessFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Image file"), "imageFile/fileName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Image path"), "imageFile/filePath" },
    { QT_TRANSLATE_NOOP("AlertReport", "Command line"), "processCommandLine", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Process ID"), "processId" },
    { QT_TRANSLATE_NOOP("AlertReport", "Parent process"), "parentProcessImageFile/fileName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Parent process ID"), "parentProcessId" },
    { QT_TRANSLATE_NOOP("AlertReport", "Account"), "userAccount/accountName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Started"), "processCreationDateTime", Kind::Time },
    { QT_TRANSLATE_NOOP("AlertReport", "Detection status"), "detectionStatus" },
    { QT_TRANSLATE_NOOP("AlertReport", "SHA-256"), "imageFile/sha256", Kind::Mono },
};
constexpr Field kFileFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "File name"), "fileDetails/fileName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Path"), "fileDetails/filePath" },
    { QT_TRANSLATE_NOOP("AlertReport", "Size (bytes)"), "fileDetails/fileSize" },
    { QT_TRANSLATE_NOOP("AlertReport", "Publisher"), "fileDetails/filePublisher" },
    { QT_TRANSLATE_NOOP("AlertReport", "Signer"), "fileDetails/signer" },
    { QT_TRANSLATE_NOOP("AlertReport", "Detection status"), "detectionStatus" },
    { QT_TRANSLATE_NOOP("AlertReport", "SHA-256"), "fileDetails/sha256", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "SHA-1"), "fileDetails/sha1", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "MD5"), "fileDetails/md5", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Hash algorithm"), "algorithm" },
    { QT_TRANSLATE_NOOP("AlertReport", "Hash"), "value", Kind::Mono },
};
constexpr Field kIpFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "IP address"), "ipAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Country"), "countryLetterCode" },
    { QT_TRANSLATE_NOOP("AlertReport", "City"), "location/city" },
    { QT_TRANSLATE_NOOP("AlertReport", "Region"), "location/state" },
    { QT_TRANSLATE_NOOP("AlertReport", "Organisation"), "location/organization" },
};
constexpr Field kUrlFields[] = { { QT_TRANSLATE_NOOP("AlertReport", "URL"), "url", Kind::Mono } };
constexpr Field kNetworkFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Protocol"), "protocol" },
    { QT_TRANSLATE_NOOP("AlertReport", "Source"), "sourceAddress/ipAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Source port"), "sourcePort" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination"), "destinationAddress/ipAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination port"), "destinationPort" },
};
constexpr Field kCloudAppFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Name"), "displayName" },
    { QT_TRANSLATE_NOOP("AlertReport", "App ID"), "appId" },
    { QT_TRANSLATE_NOOP("AlertReport", "Instance"), "instanceName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Publisher"), "publisher" },
    { QT_TRANSLATE_NOOP("AlertReport", "Object ID"), "objectId", Kind::Mono },
};

// Legacy alert arrays (graph-api.md §1.2).
constexpr Field kLegacyUserFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "User principal name"), "userPrincipalName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Account"), "accountName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Domain"), "domainName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Logon IP address"), "logonIp" },
    { QT_TRANSLATE_NOOP("AlertReport", "Logon location"), "logonLocation" },
    { QT_TRANSLATE_NOOP("AlertReport", "Logon time"), "logonDateTime", Kind::Time },
    { QT_TRANSLATE_NOOP("AlertReport", "Logon type"), "logonType" },
    { QT_TRANSLATE_NOOP("AlertReport", "Email role"), "emailRole" },
    { QT_TRANSLATE_NOOP("AlertReport", "Risk score"), "riskScore" },
    { QT_TRANSLATE_NOOP("AlertReport", "SID"), "onPremisesSecurityIdentifier", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Entra object ID"), "aadUserId", Kind::Mono },
};
constexpr Field kLegacyHostFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "FQDN"), "fqdn" },
    { QT_TRANSLATE_NOOP("AlertReport", "NetBIOS name"), "netBiosName" },
    { QT_TRANSLATE_NOOP("AlertReport", "OS"), "os" },
    { QT_TRANSLATE_NOOP("AlertReport", "Private IP address"), "privateIpAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Public IP address"), "publicIpAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Entra joined"), "isAzureAdJoined" },
    { QT_TRANSLATE_NOOP("AlertReport", "Hybrid joined"), "isHybridAzureDomainJoined" },
    { QT_TRANSLATE_NOOP("AlertReport", "Risk score"), "riskScore" },
};
constexpr Field kLegacyFileFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "File name"), "name" },
    { QT_TRANSLATE_NOOP("AlertReport", "Path"), "path" },
    { QT_TRANSLATE_NOOP("AlertReport", "Hash algorithm"), "fileHash/hashType" },
    { QT_TRANSLATE_NOOP("AlertReport", "Hash"), "fileHash/hashValue", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Risk score"), "riskScore" },
};
constexpr Field kLegacyProcessFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Name"), "name" },
    { QT_TRANSLATE_NOOP("AlertReport", "Path"), "path" },
    { QT_TRANSLATE_NOOP("AlertReport", "Command line"), "commandLine", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Process ID"), "processId" },
    { QT_TRANSLATE_NOOP("AlertReport", "Parent process"), "parentProcessName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Parent process ID"), "parentProcessId" },
    { QT_TRANSLATE_NOOP("AlertReport", "Account"), "accountName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Started"), "createdDateTime", Kind::Time },
    { QT_TRANSLATE_NOOP("AlertReport", "Integrity level"), "integrityLevel" },
    { QT_TRANSLATE_NOOP("AlertReport", "Elevated"), "isElevated" },
    { QT_TRANSLATE_NOOP("AlertReport", "Hash"), "fileHash/hashValue", Kind::Mono },
};
constexpr Field kLegacyNetworkFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Direction"), "direction" },
    { QT_TRANSLATE_NOOP("AlertReport", "Protocol"), "protocol" },
    { QT_TRANSLATE_NOOP("AlertReport", "Source"), "sourceAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Source port"), "sourcePort" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination"), "destinationAddress" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination port"), "destinationPort" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination domain"), "destinationDomain" },
    { QT_TRANSLATE_NOOP("AlertReport", "Destination URL"), "destinationUrl", Kind::Mono },
    { QT_TRANSLATE_NOOP("AlertReport", "Application"), "applicationName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Status"), "status" },
};
constexpr Field kLegacyCloudAppFields[] = {
    { QT_TRANSLATE_NOOP("AlertReport", "Service"), "destinationServiceName" },
    { QT_TRANSLATE_NOOP("AlertReport", "Service IP address"), "destinationServiceIp" },
    { QT_TRANSLATE_NOOP("AlertReport", "Risk score"), "riskScore" },
};

enum class Group : quint8 {
    Users,
    Devices,
    Mailboxes,
    Messages,
    Processes,
    Files,
    Ips,
    Urls,
    Network,
    CloudApps,
    Other,
    Count
};

const char *groupHeading(Group group)
{
    switch (group) {
    case Group::Users:
        return QT_TRANSLATE_NOOP("AlertReport", "Users");
    case Group::Devices:
        return QT_TRANSLATE_NOOP("AlertReport", "Devices");
    case Group::Mailboxes:
        return QT_TRANSLATE_NOOP("AlertReport", "Mailboxes");
    case Group::Messages:
        return QT_TRANSLATE_NOOP("AlertReport", "Email messages");
    case Group::Processes:
        return QT_TRANSLATE_NOOP("AlertReport", "Processes");
    case Group::Files:
        return QT_TRANSLATE_NOOP("AlertReport", "Files");
    case Group::Ips:
        return QT_TRANSLATE_NOOP("AlertReport", "IP addresses");
    case Group::Urls:
        return QT_TRANSLATE_NOOP("AlertReport", "URLs");
    case Group::Network:
        return QT_TRANSLATE_NOOP("AlertReport", "Network connections");
    case Group::CloudApps:
        return QT_TRANSLATE_NOOP("AlertReport", "Cloud applications");
    case Group::Other:
        break;
    case Group::Count:
        break;
    }
    return QT_TRANSLATE_NOOP("AlertReport", "Other evidence");
}

struct Item
{
    QJsonObject object;
    std::span<const Field> fields; ///< empty: show the object's properties generically
    QString type; ///< shown for Other
    bool v2 = true; ///< has verdict, roles and remediation
};

using Groups = std::array<QList<Item>, size_t(Group::Count)>;

void classifyV2(const QJsonObject &e, Groups &groups)
{
    const QString odataType = e.value(QLatin1String("@odata.type")).toString();
    const QString type = odataType.mid(odataType.lastIndexOf(QLatin1Char('.')) + 1);
    const auto add = [&](Group g, std::span<const Field> fields) {
        groups[size_t(g)].append({ e, fields, type, true });
    };
    if (type == QLatin1String("userEvidence"))
        add(Group::Users, kUserFields);
    else if (type == QLatin1String("deviceEvidence"))
        add(Group::Devices, kDeviceFields);
    else if (type == QLatin1String("mailboxEvidence"))
        add(Group::Mailboxes, kMailboxFields);
    else if (type == QLatin1String("analyzedMessageEvidence"))
        add(Group::Messages, kMessageFields);
    else if (type == QLatin1String("processEvidence"))
        add(Group::Processes, kProcessFields);
    else if (type == QLatin1String("fileEvidence") || type == QLatin1String("fileHashEvidence"))
        add(Group::Files, kFileFields);
    else if (type == QLatin1String("ipEvidence"))
        add(Group::Ips, kIpFields);
    else if (type == QLatin1String("urlEvidence"))
        add(Group::Urls, kUrlFields);
    else if (type == QLatin1String("networkConnectionEvidence"))
        add(Group::Network, kNetworkFields);
    else if (type == QLatin1String("cloudApplicationEvidence") || type == QLatin1String("oauthApplicationEvidence"))
        add(Group::CloudApps, kCloudAppFields);
    else
        add(Group::Other, {});
}

void classifyLegacy(const QJsonObject &alert, Groups &groups)
{
    const struct
    {
        const char *key;
        Group group;
        std::span<const Field> fields;
    } arrays[] = {
        { "userStates", Group::Users, kLegacyUserFields },
        { "hostStates", Group::Devices, kLegacyHostFields },
        { "processes", Group::Processes, kLegacyProcessFields },
        { "fileStates", Group::Files, kLegacyFileFields },
        { "networkConnections", Group::Network, kLegacyNetworkFields },
        { "cloudAppStates", Group::CloudApps, kLegacyCloudAppFields },
        { "malwareStates", Group::Other, {} },
        { "registryKeyStates", Group::Other, {} },
        { "vulnerabilityStates", Group::Other, {} },
        { "securityResources", Group::Other, {} },
        { "triggers", Group::Other, {} },
    };
    for (const auto &a : arrays) {
        const QJsonArray items = alert.value(QLatin1String(a.key)).toArray();
        for (const QJsonValue item : items) {
            if (item.isObject())
                groups[size_t(a.group)].append({ item.toObject(), a.fields, QLatin1String(a.key), false });
        }
    }
}

QString verdictHtml(const Writer &w, const QString &verdict)
{
    if (verdict == QLatin1String("malicious"))
        return w.wrap("span", Part::VerdictMalicious, AlertReport::tr("Malicious").toHtmlEscaped());
    if (verdict == QLatin1String("suspicious"))
        return w.wrap("span", Part::VerdictSuspicious, AlertReport::tr("Suspicious").toHtmlEscaped());
    if (verdict == QLatin1String("noThreatsFound"))
        return w.wrap("span", Part::VerdictClean, AlertReport::tr("No threats found").toHtmlEscaped());
    if (verdict.isEmpty() || verdict == QLatin1String("unknown"))
        return w.wrap("span", Part::Muted, AlertReport::tr("Unknown").toHtmlEscaped());
    return esc(splitCamelCase(verdict));
}

QString wireList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue item : array) {
        if (item.isString() && !item.toString().isEmpty())
            out << splitCamelCase(item.toString());
    }
    return out.join(QLatin1String(", "));
}

QString itemTable(const Writer &w, const Item &item)
{
    Rows rows(w, Part::ItemKey, Part::ItemValue);
    if (item.fields.empty()) {
        rows.addMono(AlertReport::tr("Type"), item.type);
        static const QStringList base = { QStringLiteral("@odata.type"),
                                          QStringLiteral("createdDateTime"),
                                          QStringLiteral("verdict"),
                                          QStringLiteral("remediationStatus"),
                                          QStringLiteral("remediationStatusDetails"),
                                          QStringLiteral("roles"),
                                          QStringLiteral("detailedRoles"),
                                          QStringLiteral("tags") };
        int shown = 0;
        for (auto it = item.object.begin(); it != item.object.end() && shown < kMaxGenericRows; ++it) {
            if (item.v2 && base.contains(it.key()))
                continue;
            const QJsonValue value = it.value();
            const QString text = value.isObject()
                ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                : scalarText(value);
            if (!text.isEmpty()) {
                rows.addText(cleanText(it.key(), 200), text);
                ++shown;
            }
        }
    }
    for (const Field &f : item.fields) {
        QString value = scalarText(valueAt(item.object, QLatin1String(f.path)));
        if (value.isEmpty())
            continue;
        if (f.kind == Kind::Time)
            value = displayTime(value);
        if (f.kind == Kind::Mono)
            rows.addMono(AlertReport::tr(f.label), value);
        else
            rows.addText(AlertReport::tr(f.label), value);
    }
    if (item.v2) {
        rows.add(AlertReport::tr("Verdict"), verdictHtml(w, item.object.value(QLatin1String("verdict")).toString()));
        QString roles = wireList(item.object.value(QLatin1String("roles")));
        const QString detailed = scalarText(item.object.value(QLatin1String("detailedRoles")));
        if (!detailed.isEmpty())
            roles += (roles.isEmpty() ? QString() : QStringLiteral(" · ")) + detailed;
        rows.addText(AlertReport::tr("Roles"), roles);
        const QString remediation = item.object.value(QLatin1String("remediationStatus")).toString();
        if (!remediation.isEmpty() && remediation != QLatin1String("none"))
            rows.addText(AlertReport::tr("Remediation"), splitCamelCase(remediation));
        rows.addText(AlertReport::tr("Remediation details"), text(item.object, "remediationStatusDetails"));
        rows.addText(AlertReport::tr("Tags"), scalarText(item.object.value(QLatin1String("tags"))));
    }
    return rows.table(Part::ItemTable);
}

QString evidenceHtml(const Writer &w, const QJsonObject &alert, bool legacy)
{
    Groups groups;
    if (legacy) {
        classifyLegacy(alert, groups);
    } else {
        const QJsonArray evidence = alert.value(QLatin1String("evidence")).toArray();
        for (const QJsonValue e : evidence) {
            if (e.isObject())
                classifyV2(e.toObject(), groups);
        }
    }
    qsizetype total = 0;
    for (const QList<Item> &items : groups)
        total += items.size();
    QString out = section(w, AlertReport::tr("Evidence (%n)", nullptr, int(total)));
    if (total == 0)
        return out + w.wrap("p", Part::Muted, AlertReport::tr("This alert has no evidence.").toHtmlEscaped())
            + QLatin1Char('\n');
    for (size_t g = 0; g < groups.size(); ++g) {
        const QList<Item> &items = groups[g];
        if (items.isEmpty())
            continue;
        out += w.wrap("h3", Part::Group,
                      QString(AlertReport::tr(groupHeading(Group(g))) + QStringLiteral(" (%1)").arg(items.size()))
                          .toHtmlEscaped())
            + QLatin1Char('\n');
        for (qsizetype i = 0; i < items.size() && i < kMaxItemsPerGroup; ++i)
            out += itemTable(w, items.at(i));
        if (items.size() > kMaxItemsPerGroup)
            out += w.wrap("p", Part::Muted,
                          AlertReport::tr("%n more not shown; the JSON tab has them all.", nullptr,
                                          int(items.size() - kMaxItemsPerGroup))
                              .toHtmlEscaped());
    }
    return out;
}

// ---- the report -------------------------------------------------------------------------------

QString headerHtml(const Writer &w, const QJsonObject &o, bool legacy, const QString &title)
{
    QString out = w.wrap("div", Part::Text, severityBadge(w, severityFromWire(text(o, "severity"))));
    out += w.wrap("h1", Part::Title, title.isEmpty() ? AlertReport::tr("(untitled alert)").toHtmlEscaped() : esc(title))
        + QLatin1Char('\n');
    const QString webUrl = text(o, "alertWebUrl");
    if (AlertReport::isTrustedLink(QUrl(webUrl, QUrl::StrictMode)))
        out += w.wrap("p", Part::Text, linkOrText(w, webUrl, AlertReport::tr("Open in Microsoft Defender")))
            + QLatin1Char('\n');

    Rows rows(w, Part::Key, Part::Value);
    const QString notSet = AlertReport::tr("Not set");
    rows.addText(AlertReport::tr("Status"), displayStatus(text(o, "status")));
    if (legacy) {
        rows.addOr(AlertReport::tr("Feedback"), displayClassification(text(o, "feedback")), notSet);
        QString provider = text(o, "vendorInformation/provider");
        const QString sub = text(o, "vendorInformation/subProvider");
        if (!sub.isEmpty())
            provider += QStringLiteral(" / ") + sub;
        rows.addText(AlertReport::tr("Provider"), provider);
        rows.addText(AlertReport::tr("Vendor"), text(o, "vendorInformation/vendor"));
        rows.addText(AlertReport::tr("Category"), text(o, "category"));
        rows.addText(AlertReport::tr("Confidence"), text(o, "confidence"));
    } else {
        rows.addOr(AlertReport::tr("Classification"), displayClassification(text(o, "classification")), notSet);
        rows.addOr(AlertReport::tr("Determination"), displayDetermination(text(o, "determination")), notSet);
        rows.addText(AlertReport::tr("Service source"), displayServiceSource(text(o, "serviceSource")));
        const QString detection = text(o, "detectionSource");
        const QString product = displayServiceSource(detection); // the sources that are products
        rows.addText(AlertReport::tr("Detection source"), product == detection ? splitCamelCase(detection) : product);
        rows.addText(AlertReport::tr("Product"), text(o, "productName"));
        rows.addText(AlertReport::tr("Threat"), text(o, "threatDisplayName"));
        rows.addText(AlertReport::tr("Actor"), text(o, "actorDisplayName"));
    }
    rows.addOr(AlertReport::tr("Assigned to"), text(o, "assignedTo"), AlertReport::tr("Unassigned"));
    rows.addText(AlertReport::tr("Created"), displayTime(text(o, "createdDateTime")));
    if (legacy) {
        rows.addText(AlertReport::tr("Event time"), displayTime(text(o, "eventDateTime")));
        rows.addText(AlertReport::tr("Last event"), displayTime(text(o, "lastEventDateTime")));
        rows.addText(AlertReport::tr("Last updated"), displayTime(text(o, "lastModifiedDateTime")));
        rows.addText(AlertReport::tr("Closed"), displayTime(text(o, "closedDateTime")));
    } else {
        rows.addText(AlertReport::tr("First activity"), displayTime(text(o, "firstActivityDateTime")));
        rows.addText(AlertReport::tr("Last activity"), displayTime(text(o, "lastActivityDateTime")));
        rows.addText(AlertReport::tr("Last updated"), displayTime(text(o, "lastUpdateDateTime")));
        rows.addText(AlertReport::tr("Resolved"), displayTime(text(o, "resolvedDateTime")));
    }
    rows.addMono(AlertReport::tr("Alert ID"), text(o, "id"));
    rows.addMono(AlertReport::tr("Incident ID"), text(o, legacy ? "incidentIds" : "incidentId"));
    return out + rows.table(Part::KeyTable);
}

QString commentsHtml(const Writer &w, const QJsonObject &o, bool legacy)
{
    struct Comment
    {
        QString text, author, time;
        qint64 ms = -1;
    };
    QList<Comment> comments;
    const QJsonArray array = o.value(QLatin1String("comments")).toArray();
    for (const QJsonValue c : array) {
        if (c.isString()) {
            comments.append({ c.toString(), {}, {} });
        } else if (c.isObject() && !legacy) {
            const QJsonObject co = c.toObject();
            const QString time = text(co, "createdDateTime");
            comments.append({ text(co, "comment"), text(co, "createdByDisplayName"), time, parseTimeMs(time) });
        }
    }
    // Oldest first; comments without a time keep their place before the dated ones.
    std::stable_sort(comments.begin(), comments.end(), [](const Comment &a, const Comment &b) { return a.ms < b.ms; });
    QString out = section(w, AlertReport::tr("Comments (%n)", nullptr, int(comments.size())));
    if (comments.isEmpty())
        return out + w.wrap("p", Part::Muted, AlertReport::tr("No comments.").toHtmlEscaped()) + QLatin1Char('\n');
    for (qsizetype i = 0; i < comments.size() && i < kMaxComments; ++i) {
        const Comment &c = comments.at(i);
        QString meta;
        if (!c.author.isEmpty() || !c.time.isEmpty())
            meta = w.wrap("div", Part::CommentMeta,
                          esc(c.author.isEmpty() ? AlertReport::tr("Unknown author") : c.author)
                              + (c.time.isEmpty() ? QString() : QStringLiteral(" · ") + esc(displayTime(c.time))));
        out += w.wrap("div", Part::Comment, meta + w.wrap("div", Part::Text, escLines(c.text, kMaxTextChars)))
            + QLatin1Char('\n');
    }
    if (comments.size() > kMaxComments)
        out += w.wrap("p", Part::Muted,
                      AlertReport::tr("%n more not shown; the JSON tab has them all.", nullptr,
                                      int(comments.size() - kMaxComments))
                          .toHtmlEscaped());
    return out;
}

QString techniquesHtml(const Writer &w, const QJsonObject &o, bool legacy)
{
    QStringList techniques;
    const QJsonArray mitre = o.value(QLatin1String("mitreTechniques")).toArray();
    for (const QJsonValue t : mitre) {
        const QString id = t.toString().trimmed();
        if (id.isEmpty())
            continue;
        const QUrl url = AlertReport::mitreTechniqueUrl(id);
        techniques << (url.isValid() ? linkOrText(w, url.toString(QUrl::FullyEncoded), id) : esc(id));
    }
    Rows rows(w, Part::Key, Part::Value);
    if (!techniques.isEmpty())
        rows.add(AlertReport::tr("MITRE ATT&CK techniques"), techniques.join(QLatin1String(", ")));
    QString categories = text(o, "categories");
    if (categories.isEmpty())
        categories = text(o, "category");
    rows.addText(AlertReport::tr("Categories"), categories);
    rows.addText(AlertReport::tr("Tags"), text(o, legacy ? "tags" : "systemTags"));
    if (rows.isEmpty())
        return {};
    return section(w, AlertReport::tr("Techniques and categories")) + rows.table(Part::KeyTable);
}

QString customDetailsHtml(const Writer &w, const QJsonObject &o)
{
    const QJsonObject details = o.value(QLatin1String("customDetails")).toObject();
    Rows rows(w, Part::Key, Part::Value);
    int shown = 0;
    for (auto it = details.begin(); it != details.end() && shown < kMaxGenericRows * 2; ++it, ++shown) {
        const QJsonValue v = it.value();
        rows.addText(cleanText(it.key(), 200),
                     v.isObject() ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                                  : scalarText(v));
    }
    return rows.isEmpty() ? QString() : section(w, AlertReport::tr("Custom details")) + rows.table(Part::KeyTable);
}

QString linksHtml(const Writer &w, const QJsonObject &o, bool legacy)
{
    QString out;
    Rows incident(w, Part::Key, Part::Value);
    incident.addMono(AlertReport::tr("Incident ID"), text(o, legacy ? "incidentIds" : "incidentId"));
    const QString incidentUrl = text(o, "incidentWebUrl");
    if (!incidentUrl.isEmpty())
        incident.add(AlertReport::tr("Incident page"), linkOrText(w, incidentUrl));
    if (!incident.isEmpty())
        out += section(w, AlertReport::tr("Incident")) + incident.table(Part::KeyTable);

    Rows links(w, Part::Key, Part::Value);
    const QString alertUrl = text(o, "alertWebUrl");
    if (!alertUrl.isEmpty())
        links.add(AlertReport::tr("Alert page"), linkOrText(w, alertUrl));
    if (legacy) {
        const QJsonArray materials = o.value(QLatin1String("sourceMaterials")).toArray();
        QStringList items;
        for (const QJsonValue m : materials) {
            if (!m.toString().isEmpty() && items.size() < kMaxGenericRows)
                items << linkOrText(w, m.toString());
        }
        if (!items.isEmpty())
            links.add(AlertReport::tr("Source materials"), items.join(QLatin1String("<br>\n")));
    }
    if (!links.isEmpty())
        out += section(w, AlertReport::tr("Links")) + links.table(Part::KeyTable);
    return out;
}

QString alertBody(const Writer &w, const QJsonObject &o, bool legacy)
{
    QString out = headerHtml(w, o, legacy, text(o, "title"));

    const QString description = text(o, "description");
    if (!description.isEmpty())
        out += section(w, AlertReport::tr("Description"))
            + w.wrap("p", Part::Text, escLines(description, kMaxTextChars)) + QLatin1Char('\n');

    const QJsonValue actions = o.value(QLatin1String("recommendedActions"));
    if (actions.isArray()) {
        QString items;
        const QJsonArray array = actions.toArray();
        for (const QJsonValue a : array) {
            if (!scalarText(a).isEmpty())
                items += w.wrap("li", Part::Text, escLines(scalarText(a), kMaxTextChars)) + QLatin1Char('\n');
        }
        if (!items.isEmpty())
            out += section(w, AlertReport::tr("Recommended actions"))
                + w.wrap("ul", Part::List, QLatin1Char('\n') + items);
    } else if (!scalarText(actions).isEmpty()) {
        out += section(w, AlertReport::tr("Recommended actions"))
            + w.wrap("p", Part::Text, escLines(scalarText(actions), kMaxTextChars)) + QLatin1Char('\n');
    }

    out += evidenceHtml(w, o, legacy);
    out += techniquesHtml(w, o, legacy);
    if (!legacy)
        out += customDetailsHtml(w, o);
    out += commentsHtml(w, o, legacy);
    out += linksHtml(w, o, legacy);
    return out;
}

} // namespace

QString AlertReport::html(const Alert &alert, Style style, const ReportPalette &palette)
{
    const Writer w(style, palette);
    const QJsonObject o = alertObject(alert);
    const QString title = text(o, "title");
    return document(w, esc(title.isEmpty() ? alert.title : title), alertBody(w, o, alert.api == AlertApi::Legacy));
}

QString AlertReport::summaryHtml(const QList<Alert> &alerts, Style style, const ReportPalette &palette)
{
    const Writer w(style, palette);
    const QString heading = AlertReport::tr("%n alert(s)", nullptr, int(alerts.size()));
    QString out = w.wrap("h1", Part::Title, heading.toHtmlEscaped()) + QLatin1Char('\n');
    out += w.open("table", Part::Grid) + QLatin1String("\n<tr>");
    for (const char *column :
         { QT_TRANSLATE_NOOP("AlertReport", "Severity"), QT_TRANSLATE_NOOP("AlertReport", "Title"),
           QT_TRANSLATE_NOOP("AlertReport", "Status"), QT_TRANSLATE_NOOP("AlertReport", "Service source"),
           QT_TRANSLATE_NOOP("AlertReport", "Created"), QT_TRANSLATE_NOOP("AlertReport", "Alert ID") })
        out += w.wrap("th", Part::GridHead, AlertReport::tr(column).toHtmlEscaped());
    out += QLatin1String("</tr>\n");
    for (const Alert &a : alerts) {
        const QString source = a.api == AlertApi::Legacy ? a.serviceSource : displayServiceSource(a.serviceSource);
        out += QLatin1String("<tr>") + w.wrap("td", Part::GridCell, severityBadge(w, a.severity))
            + w.wrap("td", Part::GridCell, esc(a.title)) + w.wrap("td", Part::GridCell, esc(displayStatus(a.status)))
            + w.wrap("td", Part::GridCell, esc(source))
            + w.wrap("td", Part::GridCell, a.createdMs > 0 ? esc(displayMs(a.createdMs)) : QString())
            + w.wrap("td", Part::GridCell, w.wrap("span", Part::Mono, esc(a.id))) + QLatin1String("</tr>\n");
    }
    out += QLatin1String("</table>\n");
    for (const Alert &a : alerts)
        out += w.open("hr", Part::Rule) + QLatin1Char('\n') + alertBody(w, alertObject(a), a.api == AlertApi::Legacy);
    return document(w, heading.toHtmlEscaped(), out);
}

QString AlertReport::messageHtml(const QString &message, const ReportPalette &palette)
{
    const Writer w(Style::Screen, palette);
    return document(w, QString(), w.wrap("p", Part::Muted, esc(message)));
}

QString AlertReport::prettyJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QStringList AlertReport::portalHosts()
{
    return {
        QStringLiteral("security.microsoft.com"), // Microsoft Defender portal
        QStringLiteral("security.microsoft.us"), // GCC High
        QStringLiteral("security.apps.mil"), // DoD
        QStringLiteral("securitycenter.microsoft.com"), // former Defender for Endpoint portal
        QStringLiteral("portal.azure.com"),
        QStringLiteral("portal.azure.us"),
        QStringLiteral("entra.microsoft.com"),
        QStringLiteral("purview.microsoft.com"),
        QStringLiteral("compliance.microsoft.com"),
    };
}

bool AlertReport::isTrustedLink(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("https") || !url.userInfo().isEmpty()
        || (url.port() != -1 && url.port() != 443))
        return false;
    const QString host = url.host();
    if (host == QLatin1String("attack.mitre.org")) {
        static const QRegularExpression path(QStringLiteral("^/techniques/T\\d{4}(/\\d{3})?/$"));
        return !url.hasQuery() && !url.hasFragment() && path.match(url.path(QUrl::FullyEncoded)).hasMatch();
    }
    return portalHosts().contains(host);
}

QUrl AlertReport::mitreTechniqueUrl(const QString &technique)
{
    static const QRegularExpression re(QStringLiteral("^T(\\d{4})(?:\\.(\\d{3}))?$"));
    const QRegularExpressionMatch m = re.match(technique);
    if (!m.hasMatch())
        return {};
    QString path = QStringLiteral("/techniques/T") + m.captured(1) + QLatin1Char('/');
    if (m.hasCaptured(2))
        path += m.captured(2) + QLatin1Char('/');
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("attack.mitre.org"));
    url.setPath(path);
    return url;
}

} // namespace vigil::core
