// webhook_throughput: Graph change notifications (the real payload shape, one item each) POSTed to
// the WebhookReceiver by a single-threaded poll() client at 32 concurrent keep-alive connections,
// one request in flight per connection, and timed end to end: from the client's write() to the
// notification's row in the NotificationModel (which keeps it in SQLite on its worker thread).
// Then the resident memory growth while 1,000 connections trickle header bytes, with a valid
// notification sent every 50 ms on another connection meanwhile (none may be refused).
// The receiver, the model and the client share the process, as the receiver and the model share
// Vigil's GUI thread. Prints "BENCH <name>=<value>" lines. BENCH_SECONDS (default 5) sets the
// measured time of the first part; BENCH_PROXY=1 also attaches the pane's sorting filter proxy.

#include "core/notifications/notificationcenter.h"
#include "core/notifications/notificationfilterproxy.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/webhookreceiver.h"
#include "http/server.h"
#include "support/graphnotification.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vigil;

namespace {

const QString kSubscription = QStringLiteral("7f105c7d-2dc5-4530-97cd-4e7ae6534c07");
const QString kClientState = QStringLiteral("Xq3v9bW2cN7mK1pL8rT4yZ6aD0fH5jS2uE7iO9gB1wQ");
constexpr int kConnections = 32;
constexpr int kSlowConnections = 1000;
constexpr size_t kMaxRequests = 4'000'000;

QElapsedTimer g_clock;

/// The request for one notification. Built from a template made once with QJsonDocument, so the
/// load generator spends its time sending, not serialising (it shares the two cores with the receiver).
QByteArray notificationRequest(qint64 sequence)
{
    static const QByteArray bodyTemplate
        = test::notificationBody(kSubscription, kClientState, QStringLiteral("bench-SEQUENCE"));
    QByteArray body = bodyTemplate;
    body.replace("SEQUENCE", QByteArray::number(sequence));
    return "POST /listen HTTP/1.1\r\nHost: vigil.example\r\nContent-Type: application/json; charset=utf-8\r\n"
           "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        std::perror("connect");
        std::exit(1);
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0) {
            std::perror("write");
            std::exit(1);
        }
        done += n;
    }
}

/// Takes one complete response off `in`; its status in `status`.
bool takeResponse(QByteArray &in, int *status)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const qsizetype lengthAt = in.indexOf("Content-Length: ");
    const qsizetype length = lengthAt >= 0 && lengthAt < end
        ? in.mid(lengthAt + 16, in.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong()
        : 0;
    if (in.size() < end + 4 + length)
        return false;
    *status = in.mid(9, 3).toInt();
    in.remove(0, end + 4 + length);
    return true;
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

struct LoadResult
{
    qint64 sent = 0;
    qint64 accepted = 0;
    qint64 otherStatus = 0;
};

/// 32 keep-alive connections, one request in flight on each, until `endNs`.
LoadResult runLoad(quint16 port, qint64 endNs, std::vector<std::atomic<qint64>> &sentAt)
{
    struct Client
    {
        int fd = -1;
        QByteArray in;
    };
    std::vector<Client> clients(kConnections);
    std::vector<pollfd> fds(kConnections);
    LoadResult result;
    const auto send = [&](Client &c) {
        const qint64 sequence = result.sent++;
        const QByteArray request = notificationRequest(sequence);
        sentAt[size_t(sequence)].store(g_clock.nsecsElapsed(), std::memory_order_release);
        writeAll(c.fd, request);
    };
    for (int i = 0; i < kConnections; ++i) {
        clients[size_t(i)].fd = connectTo(port);
        fds[size_t(i)] = { clients[size_t(i)].fd, POLLIN, 0 };
        send(clients[size_t(i)]);
    }
    char buffer[65536];
    while (g_clock.nsecsElapsed() < endNs && size_t(result.sent) + kConnections < kMaxRequests) {
        if (::poll(fds.data(), fds.size(), 1000) <= 0)
            continue;
        for (size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            Client &c = clients[i];
            const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n <= 0) {
                std::fprintf(stderr, "connection %zu closed by the receiver\n", i);
                std::exit(1);
            }
            c.in.append(buffer, n);
            int status = 0;
            while (takeResponse(c.in, &status)) {
                if (status == 202)
                    ++result.accepted;
                else
                    ++result.otherStatus;
                send(c);
            }
        }
    }
    // Collect the answers still in flight, then close.
    for (size_t i = 0; i < fds.size(); ++i) {
        Client &c = clients[i];
        int status = 0;
        while (!takeResponse(c.in, &status)) {
            const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            c.in.append(buffer, n);
        }
        if (status == 202)
            ++result.accepted;
        ::close(c.fd);
    }
    return result;
}

struct SlowResult
{
    int connected = 0;
    int validSent = 0;
    int validAccepted = 0;
};

/// 1,000 connections that send a header line every 200 ms and never finish, for `seconds`; a valid
/// notification every 50 ms on another connection meanwhile.
SlowResult runSlow(quint16 port, int seconds, qint64 firstSequence)
{
    SlowResult result;
    std::vector<int> slow;
    slow.reserve(kSlowConnections);
    for (int i = 0; i < kSlowConnections; ++i) {
        // In small groups, so the listen backlog (50) never overflows and every connection opens
        // at once rather than after SYN retries.
        if (i % 25 == 0)
            ::usleep(5'000);
        const int fd = connectTo(port);
        writeAll(fd, "POST /listen HTTP/1.1\r\nHost: vigil.example\r\n");
        slow.push_back(fd);
    }
    result.connected = int(slow.size());
    const int valid = connectTo(port);
    QByteArray in;
    char buffer[65536];
    const qint64 endNs = g_clock.nsecsElapsed() + qint64(seconds) * 1'000'000'000;
    qint64 nextTrickleNs = 0;
    int tick = 0;
    while (g_clock.nsecsElapsed() < endNs) {
        const qint64 now = g_clock.nsecsElapsed();
        if (now >= nextTrickleNs) {
            const QByteArray line = "X-Trickle-" + QByteArray::number(tick++) + ": a\r\n";
            for (const int fd : slow) {
                if (::send(fd, line.constData(), size_t(line.size()), MSG_NOSIGNAL) < 0)
                    continue; // the receiver may close a connection; the count below tells
            }
            nextTrickleNs = now + 200'000'000;
        }
        writeAll(valid, notificationRequest(firstSequence + result.validSent++));
        pollfd pfd { valid, POLLIN, 0 };
        int status = 0;
        while (!takeResponse(in, &status)) {
            if (::poll(&pfd, 1, 2000) <= 0)
                break;
            const ssize_t n = ::read(valid, buffer, sizeof buffer);
            if (n <= 0)
                break;
            in.append(buffer, n);
        }
        if (status == 202)
            ++result.validAccepted;
        ::usleep(50'000);
    }
    ::close(valid);
    for (const int fd : slow)
        ::close(fd);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_clock.start();
    // The client's 1,000 slow sockets count against the same open-file limit as the receiver's.
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    const int seconds
        = qEnvironmentVariableIntValue("BENCH_SECONDS") > 0 ? qEnvironmentVariableIntValue("BENCH_SECONDS") : 5;
    const bool withProxy = qEnvironmentVariableIntValue("BENCH_PROXY") > 0;

    QTemporaryDir dir;
    core::NotificationModel model;
    if (!model.open(dir.filePath(QStringLiteral("notifications.sqlite")))) {
        std::fprintf(stderr, "%s\n", qPrintable(model.errorString()));
        return 1;
    }
    core::NotificationFilterProxy proxy;
    if (withProxy)
        proxy.setSourceModel(&model);
    core::WebhookReceiver receiver;
    // The receiver's own limits (its connection cap holds the second part's 1,000 slow clients), but
    // no "Connection: close" every 1,000 requests: the client does not reconnect.
    http::ServerLimits limits = core::WebhookReceiver::defaultLimits();
    limits.maxRequestsPerConnection = 100'000'000;
    receiver.setLimits(limits);
    receiver.setClientState(kSubscription, kClientState);
    core::NotificationCenter center(&model); // no Graph client: the alert is not fetched
    center.setReceiver(&receiver);
    if (!receiver.start({ QHostAddress(QHostAddress::LocalHost), 0 })) {
        std::fprintf(stderr, "%s\n", qPrintable(receiver.errorString()));
        return 1;
    }
    int refusedConnections = 0;
    int rejectedRequests = 0;
    QObject::connect(receiver.server(), &http::Server::connectionRefused, &app, [&] { ++refusedConnections; });
    QObject::connect(receiver.server(), &http::Server::requestRejected, &app, [&] { ++rejectedRequests; });
    const quint16 port = receiver.server()->serverPort();

    // Part 1: throughput and latency into the model.
    std::vector<std::atomic<qint64>> sentAt(kMaxRequests);
    std::vector<double> latencies;
    latencies.reserve(2'000'000);
    const qint64 warmupEndNs = g_clock.nsecsElapsed() + 500'000'000;
    const qint64 loadEndNs = warmupEndNs + qint64(seconds) * 1'000'000'000;
    qint64 inModel = 0;
    qint64 inModelMeasured = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &app, [&](const QModelIndex &, int first, int last) {
        const qint64 now = g_clock.nsecsElapsed();
        for (int row = first; row <= last; ++row) {
            const qint64 sequence = QStringView(model.at(row).alertId).sliced(6).toLongLong();
            ++inModel;
            if (now > warmupEndNs && now <= loadEndNs) {
                ++inModelMeasured;
                latencies.push_back(double(now - sentAt[size_t(sequence)].load(std::memory_order_acquire)) / 1e6);
            }
        }
    });
    LoadResult load;
    std::thread client([&] {
        load = runLoad(port, loadEndNs, sentAt);
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    QCoreApplication::exec();
    client.join();
    // Let what is still queued reach the model.
    QElapsedTimer drain;
    drain.start();
    while (inModel < load.accepted && drain.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    model.flush();
    std::sort(latencies.begin(), latencies.end());
    const auto pct
        = [&](double p) { return latencies.empty() ? 0.0 : latencies[size_t(p * double(latencies.size() - 1))]; };
    std::printf("BENCH webhook_notifications_per_s=%.0f\n", double(inModelMeasured) / seconds);
    std::printf("BENCH webhook_p50_ms=%.3f\n", pct(0.50));
    std::printf("BENCH webhook_p99_ms=%.3f\n", pct(0.99));
    std::printf("BENCH webhook_requests_refused=%lld\n", static_cast<long long>(load.otherStatus));
    std::printf("BENCH webhook_in_model=%lld of %lld accepted (model keeps %d)\n", static_cast<long long>(inModel),
                static_cast<long long>(load.accepted), model.rowCount());
    std::fflush(stdout);

    // Part 2: resident memory while 1,000 connections trickle bytes.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double baseline = residentMb();
    double peak = baseline;
    int peakConnections = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        peak = qMax(peak, residentMb());
        peakConnections = qMax(peakConnections, receiver.server()->connectionCount());
    });
    sampler.start(100);
    const int refusedBefore = refusedConnections;
    const int rejectedBefore = rejectedRequests;
    SlowResult slow;
    std::thread slowClient([&] {
        slow = runSlow(port, 6, qint64(load.sent) + 1);
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    QCoreApplication::exec();
    slowClient.join();
    sampler.stop();
    std::printf("BENCH webhook_rss_growth_mb_1000_slow=%.1f\n", peak - baseline);
    std::printf("BENCH webhook_slow_connections_open=%d\n", peakConnections);
    std::printf("BENCH webhook_connections_refused_1000_slow=%d\n", refusedConnections - refusedBefore);
    std::printf("BENCH webhook_valid_accepted_during_slow=%d of %d\n", slow.validAccepted, slow.validSent);
    std::printf("BENCH webhook_requests_rejected_during_slow=%d\n", rejectedRequests - rejectedBefore);
    std::printf("BENCH webhook_rss_mb=%.1f\n", peak);
    std::fflush(stdout);
    return 0;
}
