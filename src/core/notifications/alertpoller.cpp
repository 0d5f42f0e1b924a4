#include "alertpoller.h"

#include "core/alerts/alertquery.h"
#include "core/alerts/alertsource.h"
#include "core/notifications/notificationsettings.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimeZone>

Q_LOGGING_CATEGORY(lcAlertPoller, "vigil.core.notifications.poller", QtInfoMsg)

namespace vigil::core {

namespace {
constexpr int kMaxSeen = 50'000;

QString timeLiteral(const QDateTime &time)
{
    // Milliseconds matter: a watermark rounded down to the second would report changes twice.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}
} // namespace

AlertPoller::AlertPoller(GraphClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_source(new AlertsV2Source(client, this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    const QDateTime stored = QDateTime::fromString(NotificationSettings::pollWatermark().value(), Qt::ISODateWithMs);
    if (stored.isValid())
        m_watermark = stored.toUTC();
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, [this] { pollNow(); });
}

AlertPoller::~AlertPoller() = default;

void AlertPoller::setInterval(std::chrono::seconds interval)
{
    m_interval = std::chrono::seconds(qBound(qint64(NotificationSettings::kMinPollSeconds), qint64(interval.count()),
                                             qint64(NotificationSettings::kMaxPollSeconds)));
    m_timer.setInterval(m_interval);
}

void AlertPoller::setPreviousLookup(std::function<std::optional<Alert>(const QString &)> lookup)
{
    m_lookup = std::move(lookup);
}

void AlertPoller::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : std::function<QDateTime()>([] { return QDateTime::currentDateTimeUtc(); });
}

void AlertPoller::start()
{
    if (!m_timer.isActive()) {
        m_timer.start();
        qCInfo(lcAlertPoller) << "polling alerts_v2 every" << m_interval.count() << "s";
    }
}

void AlertPoller::stop()
{
    m_timer.stop();
}

void AlertPoller::setWatermark(const QDateTime &watermark)
{
    m_watermark = watermark.isValid() ? watermark.toUTC() : QDateTime();
    if (m_persistent)
        NotificationSettings::pollWatermark().setValue(m_watermark.isValid() ? m_watermark.toString(Qt::ISODateWithMs)
                                                                             : QString());
}

void AlertPoller::setPersistent(bool persistent)
{
    m_persistent = persistent;
    if (!persistent)
        m_watermark = {};
}

QUrl AlertPoller::pollUrl() const
{
    const QDateTime from = m_watermark.isValid() ? m_watermark : m_clock();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("$filter"), QStringLiteral("lastUpdateDateTime gt ") + timeLiteral(from));
    query.addQueryItem(QStringLiteral("$top"), QString::number(kPageSize));
    // OData values are percent-encoded by QUrlQuery; '+' never appears in a UTC literal.
    return m_client->endpoint({ QStringLiteral("security"), QStringLiteral("alerts_v2") }, query);
}

AlertPoller::Seen AlertPoller::seenOf(const Alert &alert)
{
    return { alert.status,         alert.severity,      alert.assignedTo,
             alert.classification, alert.determination, alert.lastUpdatedMs };
}

QCoro::Task<bool> AlertPoller::pollNow()
{
    if (m_polling)
        co_return false;
    m_polling = true;
    if (!m_watermark.isValid())
        setWatermark(m_clock());
    const qint64 previousMs = m_watermark.toMSecsSinceEpoch();
    QUrl url = pollUrl();
    QPointer<AlertPoller> self(this);
    int changes = 0;
    qint64 newest = previousMs;
    for (int page = 0; page < kMaxPagesPerPoll && !url.isEmpty(); ++page) {
        ++m_requests;
        GraphResult<AlertPage> result = co_await m_source->fetchPage(url);
        if (!self)
            co_return false;
        if (!result.ok()) {
            m_polling = false;
            qCWarning(lcAlertPoller) << "poll failed: HTTP" << result.error().httpStatus << result.error().code;
            Q_EMIT pollFailed(result.error());
            co_return false;
        }
        // Oldest change first, so notifications arrive in the order things happened.
        QList<Alert> alerts = result.value().alerts;
        std::sort(alerts.begin(), alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.lastUpdatedMs < b.lastUpdatedMs; });
        for (const Alert &alert : std::as_const(alerts)) {
            newest = qMax(newest, alert.lastUpdatedMs);
            consider(alert, previousMs, &changes);
        }
        url = result.value().nextLink;
    }
    if (newest > previousMs)
        setWatermark(QDateTime::fromMSecsSinceEpoch(newest, QTimeZone::utc()));
    m_polling = false;
    if (changes)
        qCInfo(lcAlertPoller) << changes << "alert changes since"
                              << timeLiteral(QDateTime::fromMSecsSinceEpoch(previousMs, QTimeZone::utc()));
    Q_EMIT pollFinished(changes);
    co_return true;
}

void AlertPoller::consider(const Alert &alert, qint64 previousWatermarkMs, int *changes)
{
    std::optional<Seen> before;
    if (const auto it = m_seen.constFind(alert.id); it != m_seen.constEnd())
        before = *it;
    else if (m_lookup) {
        if (const std::optional<Alert> known = m_lookup(alert.id))
            before = seenOf(*known);
    }
    const Seen now = seenOf(alert);
    if (m_seen.size() >= kMaxSeen)
        m_seen.clear();
    m_seen.insert(alert.id, now);

    Notification n;
    n.feed = Notification::Feed::Poller;
    n.api = AlertApi::V2;
    n.alertId = alert.id;
    n.title = alert.title;
    n.severity = alert.severity;
    n.resource = QStringLiteral("security/alerts_v2/") + alert.id;
    if (!before) {
        if (alert.createdMs > previousWatermarkMs) {
            n.change = Notification::Change::Created;
        } else {
            n.change = Notification::Change::Updated;
            n.details = tr("Updated; the previous values are not known to Vigil.");
        }
    } else {
        QStringList fields;
        QStringList lines;
        // Wire values decide; display names describe.
        const auto compare = [&](const QString &field, const QString &was, const QString &is, const QString &wasText,
                                 const QString &isText) {
            if (was == is)
                return;
            fields << field;
            lines << tr("%1: %2 → %3")
                         .arg(displayAlertField(field), was.isEmpty() ? tr("(none)") : wasText,
                              is.isEmpty() ? tr("(none)") : isText);
        };
        compare(QStringLiteral("status"), before->status, now.status, displayStatus(before->status),
                displayStatus(now.status));
        compare(QStringLiteral("severity"), severityToWire(before->severity), severityToWire(now.severity),
                displaySeverity(before->severity), displaySeverity(now.severity));
        compare(QStringLiteral("assignedTo"), before->assignedTo, now.assignedTo, before->assignedTo, now.assignedTo);
        compare(QStringLiteral("classification"), before->classification, now.classification,
                displayClassification(before->classification), displayClassification(now.classification));
        compare(QStringLiteral("determination"), before->determination, now.determination,
                displayDetermination(before->determination), displayDetermination(now.determination));
        if (fields.isEmpty()) {
            if (before->lastUpdatedMs == now.lastUpdatedMs)
                return; // seen already (the watermark is inclusive below a millisecond)
            n.details = tr("Updated (comments, evidence or other details).");
        } else {
            n.details = lines.join(QLatin1Char('\n'));
        }
        n.change = Notification::Change::Updated;
        n.changedFields = fields;
    }
    ++*changes;
    Q_EMIT changeDetected(n, alert);
}

} // namespace vigil::core
