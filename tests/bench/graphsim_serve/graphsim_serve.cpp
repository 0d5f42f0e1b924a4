// Benchmark: pages through 100,000 alerts_v2 alerts with keep-alive GETs against a graphsim
// process, and measures the resident memory of a graphsim holding 1,000,000 alerts.
// Prints "BENCH graphsim_alerts_per_s=<n>" and "BENCH graphsim_rss_mb_1m=<n>" (plus start times).
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray location;
};

Reply request(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url, const QByteArray &body = {},
              const QByteArray &contentType = {}, const QByteArray &token = {})
{
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!contentType.isEmpty())
        r.setRawHeader("Content-Type", contentType);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
              reply->rawHeader("Location")};
    reply->deleteLater();
    return out;
}

struct Started
{
    QString base;
    qint64 startMs = 0;
};

Started startGraphsim(QProcess &process, int alerts)
{
    process.setProgram(QStringLiteral(GRAPHSIM_EXECUTABLE));
    process.setArguments({QStringLiteral("--alerts"), QString::number(alerts), QStringLiteral("--port"), QStringLiteral("0")});
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start();
    if (!process.waitForStarted(10000))
        return {};
    while (!process.canReadLine() && process.state() == QProcess::Running)
        process.waitForReadyRead(100);
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const auto m = QRegularExpression(QStringLiteral("^graphsim listening on (\\S+)$")).match(line);
    return {m.captured(1), timer.elapsed()};
}

QByteArray signIn(QNetworkAccessManager &network, const QString &base)
{
    const QString client = QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444");
    const QString redirect = QStringLiteral("http://localhost:53123/");
    const QByteArray verifier = QByteArray(64, 'v');
    const QByteArray challenge = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    request(network, "POST", QUrl(base + QStringLiteral("/_sim/signin")), R"({"user":"AveryC@contoso.onmicrosoft.com"})",
            "application/json");
    QUrl authorize(base + QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    authorize.setQuery(QStringLiteral("client_id=%1&response_type=code&redirect_uri=%2&scope=SecurityAlert.Read.All"
                                      "&code_challenge=%3&code_challenge_method=S256")
                           .arg(client, QString::fromLatin1(QUrl::toPercentEncoding(redirect)), QString::fromLatin1(challenge)),
                       QUrl::StrictMode);
    const Reply r = request(network, "GET", authorize);
    const QString code = QUrlQuery(QUrl::fromEncoded(r.location)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const QByteArray form = "client_id=" + client.toLatin1() + "&grant_type=authorization_code&code="
                            + QUrl::toPercentEncoding(code) + "&redirect_uri=" + QUrl::toPercentEncoding(redirect)
                            + "&code_verifier=" + verifier;
    const Reply token = request(network, "POST", QUrl(base + QStringLiteral("/organizations/oauth2/v2.0/token")), form,
                                "application/x-www-form-urlencoded");
    return QJsonDocument::fromJson(token.body).object().value(QStringLiteral("access_token")).toString().toLatin1();
}

qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(10000))
        process.kill();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QNetworkAccessManager network;

    // 1. Throughput: 100,000 alerts, pages of 2000, one keep-alive connection.
    {
        QProcess process;
        const Started started = startGraphsim(process, 100'000);
        if (started.base.isEmpty()) {
            std::fprintf(stderr, "graphsim did not start\n");
            return 1;
        }
        const QByteArray token = signIn(network, started.base);
        qint64 alerts = 0;
        int pages = 0;
        QElapsedTimer timer;
        timer.start();
        QUrl next(started.base + QStringLiteral("/v1.0/security/alerts_v2?$top=2000"));
        static const QByteArray marker = "\"@odata.type\":\"#microsoft.graph.security.alert\"";
        static const QByteArray nextKey = "\"@odata.nextLink\":\"";
        while (!next.isEmpty()) {
            const Reply r = request(network, "GET", next, {}, {}, token);
            if (r.status != 200) {
                std::fprintf(stderr, "page %d failed: %d\n", pages, r.status);
                return 1;
            }
            // Counting items by their type marker keeps the client cheap; the server does the work.
            alerts += r.body.count(marker);
            ++pages;
            const qsizetype at = r.body.indexOf(nextKey);
            if (at < 0 || at > 4096) {
                next.clear();
            } else {
                const qsizetype start = at + nextKey.size();
                next = QUrl(QString::fromUtf8(r.body.mid(start, r.body.indexOf('"', start) - start)));
            }
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("BENCH graphsim_start_ms_100k=%lld\n", static_cast<long long>(started.startMs));
        std::printf("BENCH graphsim_pages=%d\n", pages);
        std::printf("BENCH graphsim_alerts_served=%lld\n", static_cast<long long>(alerts));
        std::printf("BENCH graphsim_alerts_per_s=%.0f\n", double(alerts) / seconds);
        stop(process);
    }

    // 2. Memory and start time with 1,000,000 alerts (after serving one page, so lazily built
    //    state is counted).
    {
        QProcess process;
        const Started started = startGraphsim(process, 1'000'000);
        if (started.base.isEmpty()) {
            std::fprintf(stderr, "graphsim did not start\n");
            return 1;
        }
        const QByteArray token = signIn(network, started.base);
        request(network, "GET", QUrl(started.base + QStringLiteral("/v1.0/security/alerts_v2?$top=2000&$count=true")), {}, {},
                token);
        std::printf("BENCH graphsim_start_ms_1m=%lld\n", static_cast<long long>(started.startMs));
        std::printf("BENCH graphsim_rss_mb_1m=%.0f\n", double(rssKb(process.processId())) / 1024.0);
        stop(process);
    }
    std::fflush(stdout);
    return 0;
}
